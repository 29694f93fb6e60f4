// `npm run docker:check [-- --no-build --image=liaison:check --node-image=… --database=URL --port=3900]`:
// builds the container image and runs it the way docs/deploy.md says, then checks what the
// deployment relies on. Needs a Docker daemon, Chromium and a PostgreSQL server it may create a
// database on (`--database`, an administrator's URL; default the machine's 127.0.0.1:5432).
//
//  1. `docker build` (with `--node-image` as the NODE_IMAGE build argument, for a machine that
//     cannot reach Docker Hub and has a Node 20 image of its own);
//  2. in a new database: the migrations as a one-off run of the image, then the first
//     administrator, both with the root file system read-only;
//  3. the app itself: read-only root, /tmp as the only writable place, every capability dropped,
//     no new privileges, as an unprivileged user;
//  4. /api/health answers 200 and Docker's own health check turns "healthy";
//  5. in Chromium: the administrator's set-up link → password → authenticator app → sign in with
//     a recovery code → the administration page;
//  6. `db:backup` from the image to a mounted volume, and `db:restore` of it into a new
//     database, whose audit chain it checks;
//  7. the same image pointed at a database that is not there: /api/health and a page answer 503
//     with Liaison's own message;
//  8. `docker stop` ends the app within its grace period.
//
// Not part of `npm test`: the machines that run the tests have no Docker daemon, and the
// official Node image comes from Docker Hub. The figures of the last run are in docs/deploy.md.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { totpAt } from "@/lib/auth/totp";
import { findChromium, CHROMIUM_HELP } from "./browser";
import { createDatabase, dropDatabase, redact, withClient, withDatabase } from "./db/server";
import { enableRuntimeLogin, RUNTIME_ROLE } from "./db/roles";
import { freePort } from "./free-port";
import { ROOT } from "./secrets";

const option = (name: string) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
const IMAGE = option("image") ?? "liaison:check";
const NODE_IMAGE = option("node-image");
const ADMIN_URL = option("database") ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(option("port") ?? 3900);
const BUILD = !process.argv.includes("--no-build");
const log = (s: string) => console.log(`[docker:check] ${s}`);

type Check = { what: string; ok: boolean; detail: string };
const checks: Check[] = [];
function check(what: string, ok: boolean, detail = ""): void {
  checks.push({ what, ok, detail });
  log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ` (${detail})` : ""}`);
}

function docker(args: string[], opts: { quiet?: boolean } = {}): SpawnSyncReturns<string> {
  const result = spawnSync("docker", args, {
    cwd: ROOT,
    encoding: "utf8",
    stdio: opts.quiet ? "pipe" : ["ignore", "inherit", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return result;
}

// The flags docs/deploy.md gives for every run of the image.
const HARDENED = [
  "--read-only",
  "--tmpfs",
  "/tmp:rw,noexec,nosuid,size=256m",
  "--cap-drop",
  "ALL",
  "--security-opt",
  "no-new-privileges",
  // The database is on this machine's loopback; a real deployment uses its private network.
  "--network",
  "host",
];

function envArgs(env: Record<string, string>): string[] {
  return Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
}

async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | null>): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

async function main(): Promise<void> {
  if (docker(["info", "--format", "{{.ServerVersion}}"], { quiet: true }).status !== 0) {
    console.error("docker:check needs a running Docker daemon (`docker info` failed).");
    process.exit(2);
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(CHROMIUM_HELP);
    process.exit(2);
  }

  if (BUILD) {
    log(`building ${IMAGE}${NODE_IMAGE ? ` from ${NODE_IMAGE}` : ""}…`);
    const started = Date.now();
    const built = docker([
      "build",
      ...(NODE_IMAGE ? ["--build-arg", `NODE_IMAGE=${NODE_IMAGE}`] : []),
      "-t",
      IMAGE,
      ".",
    ]);
    check("the image builds", built.status === 0, `${Math.round((Date.now() - started) / 1000)} s`);
    if (built.status !== 0) return;
  }
  const size = docker(["image", "inspect", IMAGE, "--format", "{{.Size}}"], { quiet: true });
  log(`image ${IMAGE}: ${(Number(size.stdout.trim()) / 1e6).toFixed(0)} MB`);

  const name = `liaison_docker_${randomBytes(4).toString("hex")}`;
  const ownerUrl = withDatabase(ADMIN_URL, name);
  const containers: string[] = [];
  let revokeLogin = false;
  let restoredName: string | null = null;
  await createDatabase(ADMIN_URL, name);
  log(`database ${redact(ownerUrl)}`);
  try {
    const migrated = docker(
      [
        "run",
        "--rm",
        ...HARDENED,
        ...envArgs({ DATABASE_OWNER_URL: ownerUrl }),
        IMAGE,
        "npm",
        "run",
        "db:migrate",
      ],
      {
        quiet: true,
      },
    );
    check("migrations run from the image, read-only root", migrated.status === 0, lastLine(migrated.stdout));
    if (migrated.status !== 0) return console.error(migrated.stderr);

    // The runtime role is one per server. One that can already sign in is left as it is (on a
    // trust-auth test server it needs no password); otherwise it gets a password for this run
    // and loses its login again at the end.
    const runtimeUrl = new URL(ownerUrl);
    runtimeUrl.username = RUNTIME_ROLE;
    runtimeUrl.password = "";
    if (!(await runtimeCanLogIn())) {
      const runtimePassword = randomBytes(18).toString("base64url");
      runtimeUrl.password = runtimePassword;
      await enableRuntimeLogin(ownerUrl, runtimePassword);
      revokeLogin = true;
    }
    const appEnv = {
      DATABASE_URL: runtimeUrl.toString(),
      AUTH_SECRET: randomBytes(33).toString("base64"),
      LIAISON_MASTER_KEY: randomBytes(32).toString("base64"),
      AUTH_URL: `http://localhost:${PORT}`,
      PORT: String(PORT),
    };

    const email = "first.admin@example.org";
    const first = docker(
      [
        "run",
        "--rm",
        ...HARDENED,
        ...envArgs(appEnv),
        IMAGE,
        "npm",
        "run",
        "admin:first",
        "--",
        "--organisation",
        "Check Police",
        "--name",
        "First Admin",
        "--email",
        email,
      ],
      { quiet: true },
    );
    const link = first.stdout.match(/http:\/\/\S+\/setup\/\S+/)?.[0];
    check("the first administrator is added from the image", first.status === 0 && Boolean(link));
    if (!link) return console.error(first.stdout, first.stderr);

    const app = `liaison-check-${randomBytes(3).toString("hex")}`;
    const ran = docker(["run", "-d", "--init", "--name", app, ...HARDENED, ...envArgs(appEnv), IMAGE], {
      quiet: true,
    });
    if (ran.status !== 0) return check("the app starts", false, ran.stderr.trim());
    containers.push(app);
    const base = `http://localhost:${PORT}`;
    const health = await waitFor("health", 60, async () => {
      const r = await get(`${base}/api/health`);
      return r.status === 200 ? r : null;
    });
    check("/api/health answers 200", true, health.body);

    const user = docker(["exec", app, "id", "-u"], { quiet: true }).stdout.trim();
    check("the app runs as an unprivileged user", user !== "" && user !== "0", `uid ${user}`);
    const writeRoot = docker(["exec", app, "sh", "-c", "touch /app/.probe"], { quiet: true });
    check("the root file system is read-only", writeRoot.status !== 0, writeRoot.stderr.trim());
    const writeTmp = docker(["exec", app, "sh", "-c", "touch /tmp/.probe && rm /tmp/.probe"], {
      quiet: true,
    });
    check("/tmp is writable", writeTmp.status === 0);
    const caps = docker(["exec", app, "sh", "-c", "grep CapEff /proc/1/status /proc/self/status"], {
      quiet: true,
    });
    check(
      "no capabilities",
      caps.status === 0 && /CapEff:\s+0+\b[\s\S]*CapEff:\s+0+\b/.test(caps.stdout),
      caps.stdout.replace(/\s+/g, " ").trim(),
    );

    // Docker's own check runs 30 s apart after a 40 s start period (the Dockerfile).
    const status = await waitFor("Docker's health check", 120, async () => {
      const s = docker(["inspect", "--format", "{{.State.Health.Status}}", app], {
        quiet: true,
      }).stdout.trim();
      return s === "healthy" || s === "unhealthy" ? s : null;
    });
    check("Docker's health check says healthy", status === "healthy", status);

    const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage({ baseURL: base });
      await page.goto(new URL(link).pathname);
      const password = "copper meadow lantern ferry";
      await page.getByLabel("New password", { exact: true }).fill(password);
      await page.getByLabel("Type the new password again").fill(password);
      await page.getByRole("button", { name: "Save password and continue" }).click();
      await page.getByRole("heading", { name: /Step 2 of 2/ }).waitFor();
      const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
      await page.getByLabel("Code from your authenticator app").fill(totpAt(secret, new Date()));
      await page.getByRole("button", { name: "Confirm and finish" }).click();
      await page.getByRole("status").filter({ hasText: "Your account is ready." }).waitFor();
      const codes = await page
        .getByRole("list", { name: "Recovery codes" })
        .getByRole("listitem")
        .allInnerTexts();
      check("set-up in the browser: password, authenticator app, recovery codes", codes.length === 10);
      // A code step works once: the recovery code signs in without waiting for the next one.
      await page.getByRole("link", { name: "Continue to sign in" }).click();
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByLabel("Code from your authenticator app").fill(codes[0]!);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 20_000 });
      await page.goto("/admin");
      const heading = await page.getByRole("heading", { level: 1 }).innerText();
      check(
        "signed in from the image, the administration page opens",
        /people|admin|account/i.test(heading),
        heading,
      );
    } finally {
      await browser.close();
    }

    // Backups run as jobs of the same image, writing to a mounted volume (docs/deploy.md,
    // "Backups"); a restore goes into a new database and checks the audit chain there.
    const backups = mkdtempSync(join(tmpdir(), "liaison-docker-backup-"));
    chmodSync(backups, 0o777); // the image's user, uid 10001, writes the file
    const jobEnv = {
      DATABASE_URL: ownerUrl,
      DATABASE_OWNER_URL: ownerUrl,
      LIAISON_MASTER_KEY: appEnv.LIAISON_MASTER_KEY,
    };
    const job = (args: string[]) =>
      docker(
        [
          "run",
          "--rm",
          ...HARDENED,
          "-v",
          `${backups}:/backup`,
          ...envArgs(jobEnv),
          IMAGE,
          "npm",
          "run",
          ...args,
        ],
        {
          quiet: true,
        },
      );
    try {
      const backedUp = job(["db:backup", "--", "--out=/backup/liaison.lbk"]);
      check(
        "a backup is written from the image to a mounted volume",
        backedUp.status === 0 && existsSync(join(backups, "liaison.lbk")),
        lastLine(backedUp.stdout) || lastLine(backedUp.stderr),
      );
      restoredName = `${name}_restored`;
      const restored = job(["db:restore", "--", "/backup/liaison.lbk", `--into=${restoredName}`]);
      check(
        "the backup restores into a new database, audit chain intact",
        restored.status === 0 && /Audit chain intact/.test(restored.stdout),
        lastLine(restored.stdout) || lastLine(restored.stderr),
      );
    } finally {
      rmSync(backups, { recursive: true, force: true });
    }

    // The same image with no database to reach.
    const downPort = PORT + 1;
    const down = `liaison-check-down-${randomBytes(3).toString("hex")}`;
    const unreachable = new URL(runtimeUrl);
    unreachable.port = String(await freePort());
    const downRun = docker(
      [
        "run",
        "-d",
        "--init",
        "--name",
        down,
        ...HARDENED,
        ...envArgs({
          ...appEnv,
          DATABASE_URL: unreachable.toString(),
          PORT: String(downPort),
          AUTH_URL: `http://localhost:${downPort}`,
        }),
        IMAGE,
      ],
      { quiet: true },
    );
    if (downRun.status === 0) containers.push(down);
    const downHealth = await waitFor("health with no database", 60, async () => {
      const r = await get(`http://localhost:${downPort}/api/health`);
      return r.status === 503 ? r : null;
    });
    check(
      "with no database, /api/health answers 503 naming it",
      /"database":"unavailable"/.test(downHealth.body),
      downHealth.body,
    );
    const downPage = await get(`http://localhost:${downPort}/login`);
    check(
      "with no database, a page answers 503 with Liaison's own message",
      downPage.status === 503 && downPage.body.includes("Liaison cannot reach its database"),
      `HTTP ${downPage.status}`,
    );

    const stopStarted = Date.now();
    const stopped = docker(["stop", "--time", "10", app], { quiet: true });
    const stopSeconds = (Date.now() - stopStarted) / 1000;
    const exit = docker(["inspect", "--format", "{{.State.ExitCode}}", app], { quiet: true }).stdout.trim();
    check(
      "docker stop ends the app before the grace period",
      stopped.status === 0 && stopSeconds < 10,
      `${stopSeconds.toFixed(1)} s, exit code ${exit}`,
    );
  } finally {
    for (const c of containers) docker(["rm", "-f", c], { quiet: true });
    await dropDatabase(ADMIN_URL, name);
    if (restoredName) await dropDatabase(ADMIN_URL, restoredName);
    if (revokeLogin)
      await withClient(ADMIN_URL, (c) => c.query(`ALTER ROLE ${c.escapeIdentifier(RUNTIME_ROLE)} NOLOGIN`));
  }
}

const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? "";

async function runtimeCanLogIn(): Promise<boolean> {
  const { rows } = await withClient(ADMIN_URL, (c) =>
    c.query<{ can: boolean }>("SELECT rolcanlogin AS can FROM pg_roles WHERE rolname = $1", [RUNTIME_ROLE]),
  );
  return rows[0]?.can === true;
}

main()
  .then(() => {
    const failed = checks.filter((c) => !c.ok);
    log(`${checks.length - failed.length} of ${checks.length} checks passed`);
    process.exit(failed.length || checks.length === 0 ? 1 : 0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
