// The state every administration form's action answers with (lib/forms/safe-action.ts
// fills in the failures it answers for). A notice is a message key shown once after
// success; a set-up link is shown once, never stored in the page or the URL.
export type AdminActionState = {
  status: "idle" | "done" | "invalid" | "failed" | "signed-out";
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  formError?: string;
  notice?: string;
  noticeValues?: Record<string, string | number>;
  link?: { url: string; expiresAt: string };
  kept?: string;
  restored?: boolean;
};

export const IDLE: AdminActionState = { status: "idle", values: {}, fieldErrors: {} };
