// `npm run bench [-- --sizes 100000,1000000 --runs 40]`: server time for the whole dashboard
// at 100,000 and 1,000,000 reports, beside the hand-written SQL that counts the same funnel
// (the floor). Each size gets its own database on DATABASE_URL's server (liaison_bench_100k,
// liaison_bench_1m), generated once by the large seed and reused, so app data is never
// touched. Not part of `npm test`.
import { spawn } from "node:child_process";

// lib/dashboard is server-only code; Node must resolve `server-only` as a React server does.
const CONDITION = "--conditions=react-server";

if (!process.execArgv.includes(CONDITION)) {
  const child = spawn(process.execPath, [...process.execArgv, CONDITION, ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { runBench } = await import("./run");
  process.exitCode = await runBench(process.argv.slice(2));
}
