"use client";

// Printing is the browser's own; this only puts the command where people look for it.
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print border-2 border-ink px-3 py-1.5 font-bold"
    >
      {label}
    </button>
  );
}
