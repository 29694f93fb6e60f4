import { describe, expect, it } from "vitest";
import { formatDuration, progressBar, progressLine } from "./progress";

describe("the progress bar", () => {
  it("shows the share done, the counts and the time taken", () => {
    expect(progressLine("Reports", 250_000, 1_000_000, 65_000, 8)).toBe(
      "Reports [██░░░░░░]  25%  250,000 / 1,000,000  1m 05s",
    );
    expect(progressLine("People", 0, 0, 0, 4)).toBe("People [████] 100%  0 / 0  0s");
    expect(formatDuration(59_400)).toBe("59s");
  });

  it("redraws one line on a terminal, and writes a line per step elsewhere", () => {
    const written: string[] = [];
    const terminal = progressBar("Summary", 2, { write: (s) => written.push(s), isTTY: true });
    terminal.update(1);
    terminal.finish();
    expect(written.every((s) => s.startsWith("\r"))).toBe(true);
    expect(written.at(-1)?.endsWith("\n")).toBe(true);

    const logged: string[] = [];
    progressBar("Summary", 2, { write: (s) => logged.push(s) }).update(2);
    expect(logged).toHaveLength(2);
    expect(logged.every((s) => s.endsWith("\n") && !s.startsWith("\r"))).toBe(true);
  });
});
