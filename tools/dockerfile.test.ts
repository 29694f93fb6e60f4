// `npm test` runs where no Docker daemon is, so it does not build the image: `npm run
// docker:check` (tools/docker-check.ts) builds and runs it. This reads the Dockerfile and .dockerignore and checks the promises docs/deploy.md makes about the
// image: Node 20, a non-root user, a health check on /api/health, no secret baked in,
// production dependencies only, and nothing secret or local sent to the build.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./secrets";

type Instruction = { op: string; args: string };

// One instruction per entry: comments dropped, continuation lines joined.
export function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && current === "")) continue;
    if (line.endsWith("\\")) {
      current += line.slice(0, -1) + " ";
      continue;
    }
    current += line;
    if (current.trim()) logical.push(current.trim());
    current = "";
  }
  return logical.map((l) => {
    const [op = "", ...rest] = l.split(/\s+/);
    return { op: op.toUpperCase(), args: rest.join(" ") };
  });
}

function stages(instructions: Instruction[]): Instruction[][] {
  const out: Instruction[][] = [];
  for (const i of instructions) {
    if (i.op === "FROM") out.push([]);
    out.at(-1)?.push(i);
  }
  return out;
}

const dockerfile = parseDockerfile(readFileSync(join(ROOT, "Dockerfile"), "utf8"));
const all = stages(dockerfile);
const final = all.at(-1) ?? [];
const SECRET_NAME = /(SECRET|PASSWORD|TOKEN|MASTER_KEY|ENCRYPTION_KEY|DATABASE(_\w+)?_URL|PRIVATE)/i;

describe("the Dockerfile", () => {
  it("builds in stages from a Node 20 image", () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const nodeImage = dockerfile.find((i) => i.op === "ARG" && i.args.startsWith("NODE_IMAGE="));
    expect(nodeImage?.args).toMatch(/^NODE_IMAGE=node:20-/);
  });

  it("runs the app as an unprivileged user", () => {
    const users = final.filter((i) => i.op === "USER");
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.args.split(":")[0];
    expect(["root", "0", ""]).not.toContain(user);
    // Nothing runs after the switch that could give root back.
    const after = final.slice(final.indexOf(users.at(-1)!) + 1);
    expect(after.some((i) => i.op === "RUN" || i.op === "USER")).toBe(false);
  });

  it("checks its health on /api/health, and starts with next start", () => {
    const health = final.find((i) => i.op === "HEALTHCHECK");
    expect(health?.args).toMatch(/CMD \[/);
    expect(health?.args).toContain("/api/health");
    expect(final.find((i) => i.op === "CMD")?.args).toMatch(/next start/);
  });

  it("bakes no secret into the image", () => {
    for (const i of dockerfile.filter((x) => x.op === "ENV" || x.op === "ARG")) {
      const names = i.args.split(/\s+/).map((pair) => pair.split("=")[0]!);
      for (const name of names) expect(name, `${i.op} ${i.args}`).not.toMatch(SECRET_NAME);
    }
    // The build is given placeholders for the configuration Next.js reads while prerendering;
    // anything secret-looking set inline must plainly be one.
    for (const i of dockerfile.filter((x) => x.op === "RUN"))
      for (const [, name, value] of i.args.matchAll(/\b([A-Z][A-Z0-9_]*)=(\S+)/g))
        if (SECRET_NAME.test(name!)) expect(value, `${name} set inline in RUN`).toMatch(/build-placeholder/);
    expect(
      dockerfile.some((i) => (i.op === "COPY" || i.op === "ADD") && /\.env|\.data|secrets/.test(i.args)),
    ).toBe(false);
  });

  it("installs production dependencies only for what runs, without arbitrary install scripts", () => {
    const installs = dockerfile.filter((i) => i.op === "RUN" && /npm ci/.test(i.args));
    expect(installs.some((i) => /npm ci --omit=dev --ignore-scripts/.test(i.args))).toBe(true);
    expect(final.some((i) => i.op === "RUN" && /npm (ci|install)\b(?! -g npm@)/.test(i.args))).toBe(false);
  });

  it("keeps the writable cache in /tmp, so the root file system can be read-only", () => {
    expect(final.some((i) => i.op === "RUN" && /ln -s \/tmp\/\S+ \.next\/cache/.test(i.args))).toBe(true);
  });
});

describe("the .dockerignore", () => {
  const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));

  it("keeps local secrets, state and build output out of the build context", () => {
    for (const entry of [".env", ".data", ".git", "node_modules", ".next", ".next-*", "lib/generated"])
      expect(ignored).toContain(entry);
  });
});
