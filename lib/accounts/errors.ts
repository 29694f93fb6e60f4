// Refusals from the account functions whose signatures return a value rather than a result
// union (the set-up link functions that the set-up page also calls). Callers that show a
// page turn them into "not found"; nothing here carries personal data.
export type AccountRefusalReason = "not-permitted" | "not-found" | "disabled" | "already-used";

export class AccountRefusal extends Error {
  override name = "AccountRefusal";
  constructor(readonly reason: AccountRefusalReason) {
    super(`account action refused: ${reason}`);
  }
}
