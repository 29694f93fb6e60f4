// The primary button of a form. Disabled while the form is sending, so a double click
// sends once; it says what is happening meanwhile.
export function SubmitButton({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded bg-brand px-5 py-2 font-bold text-white disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
