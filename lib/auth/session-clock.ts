// When a session's last-seen time is written. Writing it on every request would turn each
// page view into a write, so it is written at most once a minute — and more often when the
// idle limit is short, so that a user who is active is never taken for idle.
const MAX_TOUCH_INTERVAL_MS = 60_000;

export function touchIntervalMs(idleLimitMs: number): number {
  return Math.min(MAX_TOUCH_INTERVAL_MS, Math.floor(idleLimitMs / 4));
}

export function isIdle(lastSeenAt: Date, now: Date, idleLimitMs: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > idleLimitMs;
}

export function needsTouch(lastSeenAt: Date, now: Date, idleLimitMs: number): boolean {
  return now.getTime() - lastSeenAt.getTime() > touchIntervalMs(idleLimitMs);
}
