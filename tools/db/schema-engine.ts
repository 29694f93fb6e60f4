// Runs Prisma's schema engine offline. The Prisma CLI's migrate commands download a native
// engine, which air-gapped installs cannot reach; the WASM build of the same engine ships in
// an npm package and talks to PostgreSQL through the pg driver adapter instead.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createEngineAdapterFactory, createEnginePool } from "./engine-adapter";

export type { SchemaEngine };

export interface SchemaFile {
  path: string;
  content: string;
}

export const appSchemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

export function readAppSchema(): SchemaFile {
  return { path: appSchemaPath, content: readFileSync(appSchemaPath, "utf8") };
}

// The engine arms a timer for every timeout it races (10 s for the migration lock, say) and
// never clears them, so a finished command would keep Node alive for seconds. Timers are
// left alone while any command runs and unref'd once none is running.
const engineTimers = new Set<NodeJS.Timeout>();
let runningEngines = 0;

function engineSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms >>> 0);
  engineTimers.add(timer);
  return timer;
}

function releaseEngineTimers(): void {
  if (runningEngines > 0) return;
  for (const timer of engineTimers) timer.unref();
  engineTimers.clear();
}

let loaded = false;

// Node 20 cannot import a .wasm file as an ES module, so the package's entry point (which
// does exactly that) is bypassed: compile the binary here and give it the JS glue as its
// "./schema_engine_bg.js" import, as a bundler would.
function loadEngine(): void {
  if (loaded) return;
  const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  for (const name of Object.keys(imports)) {
    if (name.startsWith("__wbg_setTimeout_")) imports[name] = engineSetTimeout;
  }
  const compiled = new WebAssembly.Module(readFileSync(join(dirname(gluePath), "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(compiled, { "./schema_engine_bg.js": imports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

// Without this registry a Rust panic surfaces as a bare "unreachable" trap. A panic inside an
// async task can escape every promise and end the process, so the message goes to stderr at
// once as well as into the error we throw.
let lastPanic: string | undefined;
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    lastPanic = message;
    process.stderr.write(`Prisma schema engine panicked: ${message}\n`);
  },
};

export const noFilters = { externalTables: [], externalEnums: [] };

// Opens an engine connected to `databaseUrl` and loaded with `schema` (the app's schema by
// default: the engine panics when given none), runs `fn`, then frees the engine and closes
// its connections whatever happened.
export async function withSchemaEngine<T>(
  databaseUrl: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  opts: { schema?: SchemaFile; log?: (line: string) => void } = {},
): Promise<T> {
  loadEngine();
  const schema = opts.schema ?? readAppSchema();
  const log = opts.log ?? (() => undefined);
  const pool = createEnginePool(databaseUrl);
  lastPanic = undefined;
  let engine: SchemaEngine | undefined;
  runningEngines++;
  try {
    engine = await glue.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      (line: string) => log(line),
      createEngineAdapterFactory(pool),
    );
    return await fn(engine);
  } catch (error) {
    throw explainEngineError(error);
  } finally {
    engine?.free();
    await pool.end();
    runningEngines--;
    releaseEngineTimers();
  }
}

function explainEngineError(error: unknown): Error {
  if (lastPanic) return new Error(`Prisma schema engine panicked: ${lastPanic}`, { cause: error });
  if (error instanceof Error) return error;
  // Engine errors can arrive as plain objects such as { message, error_code, meta }.
  const message = (error as { message?: unknown } | null)?.message;
  return new Error(typeof message === "string" ? message : JSON.stringify(error), { cause: error });
}
