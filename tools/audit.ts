// `npm audit --omit=dev` as a step of `npm test`: the run fails on any high or critical
// advisory against a package the app ships. When the advisory service cannot be asked (no
// network, or a registry mirror that does not offer audits), the step fails too and says so:
// a check that did not run is not a pass (docs/decisions, "npm audit in npm test").
// `npm test -- --skip-audit` skips it on purpose, and the summary then says it was skipped.
import { spawn } from "node:child_process";
import { ROOT } from "./secrets";

export type AuditResult =
  | { status: "clean"; counts: Record<string, number> }
  | { status: "vulnerable"; counts: Record<string, number>; packages: string[] }
  | { status: "unreachable"; reason: string };

type AuditJson = {
  message?: string;
  error?: { summary?: string; code?: string };
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string }>;
};

// Reads the JSON npm prints; anything without a vulnerability count means the service did
// not answer.
export function readAudit(stdout: string): AuditResult {
  let parsed: AuditJson;
  try {
    parsed = JSON.parse(stdout) as AuditJson;
  } catch {
    return { status: "unreachable", reason: "npm audit printed no report" };
  }
  const counts = parsed.metadata?.vulnerabilities;
  if (!counts)
    return {
      status: "unreachable",
      reason: parsed.message ?? parsed.error?.summary ?? parsed.error?.code ?? "no report from the registry",
    };
  const serious = Object.entries(parsed.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === "high" || v.severity === "critical")
    .map(([name, v]) => `${name} (${v.severity})`);
  if ((counts.high ?? 0) + (counts.critical ?? 0) > 0 || serious.length > 0)
    return { status: "vulnerable", counts, packages: serious };
  return { status: "clean", counts };
}

export function auditProduction(): Promise<AuditResult> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["audit", "--omit=dev", "--json"], { cwd: ROOT, env: process.env });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.resume();
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ status: "unreachable", reason: error.message });
    });
    child.on("close", () => {
      clearTimeout(timer);
      resolve(readAudit(out));
    });
  });
}
