// An unexpected console.error fails the test that caused it. A test that expects one
// says so with `expectConsoleError()`.
import { afterEach, beforeEach, expect, vi, type MockInstance } from "vitest";

let expected = 0;
let errors: unknown[][] = [];
let spy: MockInstance<typeof console.error> | undefined;

export function expectConsoleError(count = 1): void {
  expected += count;
}

beforeEach(() => {
  expected = 0;
  errors = [];
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  spy?.mockRestore();
  expect(errors.length, `unexpected console.error: ${JSON.stringify(errors.slice(expected))}`).toBe(expected);
});
