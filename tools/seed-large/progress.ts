// A one-line progress bar: redrawn in place on a terminal, one line per step otherwise
// (so that logs and CI output stay readable).
export function progressLine(
  label: string,
  done: number,
  total: number,
  elapsedMs: number,
  width = 30,
): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const bar = "█".repeat(filled) + "░".repeat(width - filled);
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  const count = `${done.toLocaleString("en-GB")} / ${total.toLocaleString("en-GB")}`;
  return `${label} [${bar}] ${percent}  ${count}  ${formatDuration(elapsedMs)}`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, "0")}s` : `${seconds}s`;
}

export type Progress = { update(done: number): void; finish(): void };

export function progressBar(
  label: string,
  total: number,
  out: { write(s: string): unknown; isTTY?: boolean } = process.stdout,
): Progress {
  const started = performance.now();
  let last = "";
  const draw = (done: number) => {
    last = progressLine(label, done, total, performance.now() - started);
    out.write(out.isTTY ? `\r${last}` : `${last}\n`);
  };
  draw(0);
  return {
    update: draw,
    finish: () => {
      if (out.isTTY) out.write(`\r${last}\n`);
    },
  };
}
