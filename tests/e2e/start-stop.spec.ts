// `npm start` stops everything it started when only `npm` itself is told to stop (issue 11,
// "Ctrl-C always stops what npm start started"). A Ctrl-C in a terminal signals every process
// of the foreground group at once; a process manager, `kill <pid>` or a container runtime
// signals one. Before, npm passed the signal to a shell, the shell ended, and the app server
// (and the rest) carried on, holding the port.
//
// This runs the real `npm start` on the build under test, against this run's database as an
// operator would (DATABASE_OWNER_URL for migrations, DATABASE_URL as the runtime role), on a
// port of its own. It does not rebuild: a build that is not current fails the test instead of
// replacing the one the other journeys are using.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test, expect } from "@playwright/test";
import { buildIsCurrent } from "../../tools/build";
import { freePort } from "../../tools/free-port";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

type Proc = { pid: number; ppid: number; args: string };

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name is in parentheses and may hold spaces; the parent pid follows it.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      out.push({ pid: Number(entry), ppid, args });
    } catch {
      // It ended while being read.
    }
  }
  return out;
}

function descendantsOf(pid: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  let frontier = [pid];
  while (frontier.length) {
    const children = all.filter((p) => frontier.includes(p.ppid));
    found.push(...children);
    frontier = children.map((c) => c.pid);
  }
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function startApp(port: number): Promise<{ npm: ChildProcess; output: string[] }> {
  const output: string[] = [];
  const npm = spawn("npm", ["start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_OWNER_URL: process.env.TEST_OWNER_DATABASE_URL,
      PORT: String(port),
      AUTH_URL: `http://localhost:${port}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // A group of its own, so that the clean-up below can end whatever is left; the signal
    // under test goes to npm alone.
    detached: true,
  });
  npm.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  npm.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  const deadline = Date.now() + 120_000;
  while (!output.join("").includes("Liaison is ready at")) {
    if (npm.exitCode !== null) throw new Error(`npm start ended: ${output.join("")}`);
    if (Date.now() > deadline) throw new Error(`npm start was not ready: ${output.join("")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { npm, output };
}

// Starts `npm start`, checks that the app server is among what it started, lets `stop` stop
// it, and checks that everything it started is gone and the port no longer answers; `stopped`
// then checks more before the kill that clears up whatever a failure left.
async function startThenStop(
  stop: (npm: ChildProcess, port: number) => Promise<void>,
  stopped: (npm: ChildProcess, output: string[]) => Promise<void> = async () => undefined,
): Promise<void> {
  expect(buildIsCurrent(), "the build under test is current, so npm start will not rebuild it").toBe(true);
  const port = await freePort();
  const { npm, output } = await startApp(port);
  const pid = npm.pid!;
  try {
    const started = descendantsOf(pid);
    expect(started.some((p) => /next-server|next\/dist\/bin\/next start/.test(p.args))).toBe(true);
    await stop(npm, port);
    await expect
      .poll(() => started.filter((p) => alive(p.pid)).map((p) => p.args), { timeout: 30_000 })
      .toEqual([]);
    await expect(fetch(`http://localhost:${port}/api/health`)).rejects.toThrow();
    await stopped(npm, output);
  } finally {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Nothing was left.
    }
  }
}

// `npm start | tee log`: a Ctrl-C ends tee too, and whatever start.ts writes after that goes
// to a pipe nobody reads. It must still stop everything.
test("SIGINT to npm after its output has gone away still stops everything", async () => {
  test.setTimeout(180_000);
  await startThenStop(async (npm) => {
    npm.stdout?.destroy();
    npm.stderr?.destroy();
    process.kill(npm.pid!, "SIGINT");
  });
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  test(`${signal} to npm alone stops the app server and everything else npm start started`, async () => {
    test.setTimeout(180_000);
    await startThenStop(
      async (npm, port) => {
        // The app server answers before it is told to stop.
        expect((await fetch(`http://localhost:${port}/api/health`)).status).toBe(200);
        process.kill(npm.pid!, signal);
      },
      async (npm, output) => {
        await expect.poll(() => alive(npm.pid!), { timeout: 10_000 }).toBe(false);
        // Its own shutdown ran to the end: the app server's exit was awaited, then the database.
        expect(output.join("")).toMatch(/Stopping…[\s\S]*Stopped cleanly\./);
      },
    );
  });
}
