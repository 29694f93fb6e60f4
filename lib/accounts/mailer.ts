// How a set-up link may reach a new user besides the administrator passing it on. No e-mail
// server is needed: the default sends nothing, and the administrator is always shown the
// link. A deployment with a mail relay plugs one in once, at start-up, with setMailer.
import "server-only";

export type SetupLinkMessage = {
  to: { email: string; name: string };
  url: string;
  expiresAt: Date;
};

export interface Mailer {
  sendSetupLink(message: SetupLinkMessage): Promise<void>;
}

export const noMailer: Mailer = {
  async sendSetupLink() {},
};

let current: Mailer = noMailer;

export function setMailer(mailer: Mailer): void {
  current = mailer;
}

export function mailer(): Mailer {
  return current;
}
