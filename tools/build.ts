// Builds the production app when the sources are newer than the last build.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./secrets";

const SOURCES = [
  "app",
  "components",
  "lib",
  "messages",
  "i18n",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "tsconfig.json",
  "package-lock.json",
  "postcss.config.mjs",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIsCurrent(): boolean {
  const buildId = join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(ROOT, s)) <= built);
}

// Next.js's own command, run by this Node.js itself. Through `npx` a shell sat between us and
// Next.js: a signal sent to us reached the shell, which ended and left Next.js running.
export const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");

// The programs run() has started and that have not ended yet, so that whoever is stopping
// (tools/start.ts on Ctrl-C) can stop them too.
export const running = new Set<ChildProcess>();

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    running.add(child);
    child.on("error", (error) => {
      running.delete(child);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

export async function buildApp(env: NodeJS.ProcessEnv, log: (s: string) => void): Promise<void> {
  if (buildIsCurrent()) {
    log("The app is already built and up to date.");
    return;
  }
  log("Building the app (a few minutes the first time)…");
  const code = await run(process.execPath, [NEXT_BIN, "build"], env);
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
}
