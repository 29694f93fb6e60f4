import { describe, expect, it } from "vitest";
import {
  hasRested,
  PASSWORD_CHECKS_AT_ONCE,
  PasswordChecksBusy,
  waitAfter,
  withPasswordCheckSlot,
} from "./throttle";

describe("how long a throttled sign-in waits", () => {
  it("is free for the first attempts, then 30 s doubling up to the cap", () => {
    const waits = Array.from({ length: 12 }, (_, i) => waitAfter(i + 1, 5, 15 * 60_000) / 1000);
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
    expect(waitAfter(1_000_000, 5, 15 * 60_000)).toBe(15 * 60_000);
  });

  it("a counter rests once it has been left alone as long as the longest wait", () => {
    const blockedUntil = new Date("2026-06-01T09:00:00Z");
    expect(hasRested(blockedUntil, new Date("2026-06-01T09:14:59Z"), 15 * 60_000)).toBe(false);
    expect(hasRested(blockedUntil, new Date("2026-06-01T09:15:00Z"), 15 * 60_000)).toBe(true);
  });
});

describe("password checks at once", () => {
  it("never runs more than the limit together, and a flood beyond the queue is told it is busy", async () => {
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      new Promise<void>((resolve) => {
        running++;
        most = Math.max(most, running);
        releases.push(() => {
          running--;
          resolve();
        });
      });
    const settled = Array.from({ length: 40 }, () =>
      withPasswordCheckSlot(work).then(
        () => "done",
        (e: unknown) => (e instanceof PasswordChecksBusy ? "busy" : "other"),
      ),
    );
    // Let every call reach the semaphore, then release the work one at a time.
    await new Promise((r) => setTimeout(r, 10));
    expect(running).toBe(PASSWORD_CHECKS_AT_ONCE);
    while (releases.length) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    const outcomes = await Promise.all(settled);
    expect(most).toBe(PASSWORD_CHECKS_AT_ONCE);
    expect(outcomes.filter((o) => o === "done")).toHaveLength(PASSWORD_CHECKS_AT_ONCE + 16);
    expect(outcomes.filter((o) => o === "busy")).toHaveLength(40 - PASSWORD_CHECKS_AT_ONCE - 16);
  });
});
