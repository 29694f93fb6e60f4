"use client";

import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { IDLE, type AdminActionState } from "./action-state";
import { FormMessages } from "./form-messages";
import { SetupLinkPanel } from "./setup-link-panel";

type Props = {
  action: (state: AdminActionState, form: FormData) => Promise<AdminActionState>;
  formId: string;
  label: string;
  pendingLabel: string;
  // A fuller name for the button when several on the page share a label (one per session).
  accessibleLabel?: string;
  hidden?: Record<string, string>;
  danger?: boolean;
};

// A form that is one button: disable, enable, end a session, issue a link. Its answer is
// shown beside it (and a set-up link, when the action issued one).
export function ActionButton({
  action,
  formId,
  label,
  pendingLabel,
  accessibleLabel,
  hidden,
  danger,
}: Props) {
  const [state, formAction, pending] = useSafeActionState(action, IDLE, formId);
  return (
    <form action={formAction} className="mb-2">
      <FormMessages state={state} />
      {state.status === "done" && state.link && <SetupLinkPanel link={state.link} idPrefix={formId} />}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className={`rounded px-4 py-2 font-bold disabled:opacity-60 ${
          danger ? "border-2 border-danger text-danger" : "border-2 border-brand text-brand"
        }`}
      >
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}
