"use client";

import { useTranslations } from "@/components/translations";
import { FormRecovery } from "@/components/form/form-recovery";
import type { FormState } from "@/lib/forms";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";

export type ButtonState = FormState<Record<string, never>>;

// A form that is only a button (start a report, discard a draft), run through the one
// form-action wrapper (lib/forms/safe-action.ts): when the database is unreachable or the
// session has lapsed, the page says so beside the button instead of being replaced by an
// error page. Success is the action's redirect.
export function ActionButton({
  action,
  label,
  className,
  formClassName,
}: {
  action: (state: ButtonState, form: FormData) => Promise<ButtonState>;
  label: string;
  className: string;
  formClassName?: string;
}) {
  const t = useTranslations();
  // Its own name for what it keeps across a new sign-in (nothing typed, so an empty copy), so
  // that it never takes the copy of a form beside it on the same page.
  const [state, dispatch, pending] = useSafeActionState<ButtonState>(
    action,
    { status: "idle", values: {}, fieldErrors: {} },
    "button",
  );
  return (
    <form action={dispatch} className={formClassName}>
      {state.formError && (
        <p role="alert" className="mb-4 border-l-4 border-danger bg-panel p-4 font-bold">
          {t(state.formError)}
        </p>
      )}
      <FormRecovery state={state} />
      <button type="submit" disabled={pending} className={className}>
        {label}
      </button>
    </form>
  );
}
