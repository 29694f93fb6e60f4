"use client";

// Printing is the browser's own; this only puts the command where people look for it.
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded bg-brand px-5 py-2 font-bold text-white"
    >
      {label}
    </button>
  );
}
