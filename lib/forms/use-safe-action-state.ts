"use client";

// The client half of lib/forms/safe-action.ts: useActionState for every form, with the two
// failures the server cannot answer for.
// - The network is gone (or the answer never arrives): the form comes back with what was
//   typed and "forms.networkDown" instead of an error page replacing it.
// - The session lapsed: the server's sealed copy of the values is kept in this tab's
//   sessionStorage, and when the page loads again after signing in it is handed back to the
//   server, opened for the same user only, and put back into the form (then removed).
import { startTransition, useActionState, useEffect } from "react";
import { unstable_rethrow } from "next/navigation";
import { restoreKeptValuesAction } from "./keep-actions";

export type ClientSafeState = {
  status: string;
  values: unknown;
  fieldErrors: object;
  formError?: string;
  kept?: string;
  // Set when the values came back after a new sign-in.
  restored?: boolean;
};

type Restore = { restore: Record<string, string | string[]> };

const storageKey = (formId: string) => `liaison:kept:${formId}:${window.location.pathname}`;

// What was typed, in the shape the form's values already have: a list where the form keeps
// a list, otherwise the text (several ticked boxes joined by commas, as the actions echo them).
export function typedValues(form: FormData, previous: unknown): Record<string, string | string[]> {
  const before = (typeof previous === "object" && previous !== null ? previous : {}) as Record<
    string,
    unknown
  >;
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(form.keys())) {
    if (name.startsWith("$ACTION")) continue;
    const all = form.getAll(name).filter((v): v is string => typeof v === "string");
    out[name] = Array.isArray(before[name]) ? all : all.length > 1 ? all.join(",") : (all[0] ?? "");
  }
  return out;
}

export function useSafeActionState<S extends ClientSafeState>(
  action: (state: S, form: FormData) => Promise<S>,
  initial: S,
  // Tells apart several forms on one page.
  formId = "form",
): [S, (form: FormData) => void, boolean] {
  const [state, dispatch, pending] = useActionState<S, FormData | Restore>(
    async (previous: S, payload: FormData | Restore): Promise<S> => {
      if (!(payload instanceof FormData)) {
        return {
          ...previous,
          status: "idle",
          values: { ...(previous.values as object), ...payload.restore },
          fieldErrors: {},
          formError: undefined,
          kept: undefined,
          restored: true,
        };
      }
      try {
        return await action(previous, payload);
      } catch (error) {
        // A redirect or "not found" from the server is Next.js's to handle.
        unstable_rethrow(error);
        const offline = !navigator.onLine || error instanceof TypeError;
        return {
          ...previous,
          status: "failed",
          values: typedValues(payload, previous.values),
          fieldErrors: {},
          formError: offline ? "forms.networkDown" : "forms.unexpected",
          kept: undefined,
          restored: undefined,
        };
      }
    },
    initial as Awaited<S>,
  );

  // Signed out with a sealed copy: keep it in this tab until the page comes back.
  useEffect(() => {
    if (state.status !== "signed-out" || !state.kept) return;
    try {
      window.sessionStorage.setItem(storageKey(formId), state.kept);
    } catch {
      // Storage full or refused: the values are still on the page.
    }
  }, [state, formId]);

  // Back after signing in: one attempt to get the values back, and the copy is gone.
  useEffect(() => {
    let sealed: string | null = null;
    try {
      sealed = window.sessionStorage.getItem(storageKey(formId));
      if (sealed) window.sessionStorage.removeItem(storageKey(formId));
    } catch {
      return;
    }
    if (!sealed) return;
    // No cancelling on unmount: the copy has already left storage, so this is its one chance.
    restoreKeptValuesAction(sealed, window.location.pathname)
      .then((values) => {
        if (values) startTransition(() => dispatch({ restore: values }));
      })
      .catch(() => undefined);
  }, [formId, dispatch]);

  return [state, dispatch as (form: FormData) => void, pending];
}
