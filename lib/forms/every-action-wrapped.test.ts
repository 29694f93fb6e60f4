// Every server action runs in the one form-action wrapper (lib/forms/safe-action.ts), so that
// a failure anywhere hands back what was typed and a message instead of an error page. This
// reads every "use server" module in app/ and lib/ and fails when an exported action does
// not reach safeAction or safePublicAction, directly or through a helper in the same module
// (as the referral and alert actions share one). The few that cannot are listed below, each
// with its reason; an entry that is no longer needed fails too, so the list only shrinks.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const WRAPPERS = new Set(["safeAction", "safePublicAction"]);

const NOT_WRAPPED: Record<string, string> = {
  "lib/forms/keep-actions.ts#restoreKeptValuesAction":
    "the wrapper's own helper: hands sealed values back after signing in, never a form",
  "app/login/sso-actions.ts#ssoSignInAction":
    "reads no database and takes nothing typed: its only answer is the redirect to the identity provider",
  "app/actions/sign-out.ts#signOutAction":
    "not a form: a button whose answer is the sign-in page (its own file belongs to the sessions work)",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
}

function startsWithUseServer(statements: readonly ts.Statement[]): boolean {
  const first = statements[0];
  return (
    first !== undefined &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use server"
  );
}

function isExported(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

// Each top-level function (declarations and `const f = (…) => …`) with the names it calls.
function functionsOf(file: ts.SourceFile): Map<string, { exported: boolean; calls: Set<string> }> {
  const out = new Map<string, { exported: boolean; calls: Set<string> }>();
  const callsIn = (body: ts.Node): Set<string> => {
    const calls = new Set<string>();
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) calls.add(node.expression.text);
      ts.forEachChild(node, visit);
    };
    visit(body);
    return calls;
  };
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body)
      out.set(statement.name.text, { exported: isExported(statement), calls: callsIn(statement.body) });
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer)
          out.set(d.name.text, { exported: isExported(statement), calls: callsIn(d.initializer) });
  }
  return out;
}

function reachesWrapper(name: string, functions: ReturnType<typeof functionsOf>, seen = new Set<string>()) {
  const fn = functions.get(name);
  if (!fn || seen.has(name)) return false;
  seen.add(name);
  for (const call of fn.calls) {
    if (WRAPPERS.has(call)) return true;
    if (reachesWrapper(call, functions, seen)) return true;
  }
  return false;
}

const files = ["app", "lib", "components"].flatMap((dir) => sourceFiles(join(ROOT, dir)));
const actionModules = files
  .map((path) => ({ path: relative(ROOT, path), file: parse(path) }))
  .filter(({ file }) => startsWithUseServer(file.statements));

describe("every server action runs in the one form-action wrapper", () => {
  it("finds the action modules (a scan that finds nothing proves nothing)", () => {
    expect(actionModules.length).toBeGreaterThan(20);
    expect(actionModules.map((m) => m.path)).toContain("app/login/actions.ts");
  });

  it("no exported action bypasses safeAction or safePublicAction, beyond the listed few", () => {
    const unwrapped: string[] = [];
    for (const { path, file } of actionModules) {
      const functions = functionsOf(file);
      for (const [name, fn] of functions)
        if (fn.exported && !reachesWrapper(name, functions)) unwrapped.push(`${path}#${name}`);
    }
    expect(unwrapped.sort()).toEqual(Object.keys(NOT_WRAPPED).sort());
  });

  it("no action is declared inline in a component, out of this scan's sight", () => {
    const inline: string[] = [];
    for (const path of files) {
      const file = parse(path);
      const visit = (node: ts.Node) => {
        const body = ts.isFunctionLike(node) ? (node as ts.FunctionLikeDeclaration).body : undefined;
        if (body && ts.isBlock(body) && startsWithUseServer(body.statements))
          inline.push(
            `${relative(ROOT, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
          );
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    expect(inline).toEqual([]);
  });
});
