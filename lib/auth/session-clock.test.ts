import { describe, expect, it } from "vitest";
import { isIdle, needsTouch, touchIntervalMs } from "./session-clock";

// Replays requests every `everyMs` for `forMs` against the rules, as resolveSession applies
// them, and says whether the session would still be alive at the end.
function survives(idleLimitMs: number, everyMs: number, forMs: number): boolean {
  const start = new Date("2026-06-01T08:00:00Z").getTime();
  let lastSeen = new Date(start);
  for (let t = everyMs; t <= forMs; t += everyMs) {
    const now = new Date(start + t);
    if (isIdle(lastSeen, now, idleLimitMs)) return false;
    if (needsTouch(lastSeen, now, idleLimitMs)) lastSeen = now;
  }
  return true;
}

describe("keeping an active session alive", () => {
  it.each([1, 2, 5, 30])(
    "with an idle limit of %i minute(s), a request every half limit never lapses",
    (minutes) => {
      const limit = minutes * 60_000;
      expect(survives(limit, limit / 2, 60 * 60_000)).toBe(true);
    },
  );

  it("a user who stays away longer than the limit is signed out", () => {
    expect(survives(60_000, 61_000, 10 * 60_000)).toBe(false);
  });

  it("writes the last-seen time at most once a minute for long limits", () => {
    expect(touchIntervalMs(30 * 60_000)).toBe(60_000);
    expect(touchIntervalMs(60_000)).toBe(15_000);
  });
});
