// `npm run measure:js [-- --budget=150 --dist=.next --json]`: first-load JavaScript per page
// of the production build (gzip, as `next start` sends it); exits 1 when a page is over the
// budget. tools/test.ts runs it on the end-to-end build.
import { join } from "node:path";
import { ROOT } from "../secrets";
import { measureBuild, report } from "./measure";

const arg = (name: string) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
const budget = Number(arg("budget") ?? 150);
const dist = join(ROOT, arg("dist") ?? process.env.NEXT_DIST_DIR ?? ".next");

const pages = measureBuild(dist);
if (process.argv.includes("--json")) {
  console.log(
    JSON.stringify(
      pages.map(({ route, gzip, raw, onDemand }) => ({ route, gzip, raw, onDemand: onDemand.gzip })),
    ),
  );
} else {
  const { text, over } = report(pages, budget);
  console.log(`First-load JavaScript per page (${dist}), gzip as next start serves it:\n${text}`);
  if (over.length > 0) {
    console.error(
      `\n${over.length} page(s) over the ${budget} kB budget: ${over.map((p) => p.route).join(", ")}`,
    );
    process.exit(1);
  }
  console.log(`\nEvery page is within the ${budget} kB budget.`);
}
