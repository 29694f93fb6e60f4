// Runs Prisma's schema engine offline. The Prisma CLI's migrate commands download a native
// engine, which air-gapped installs cannot reach; the WASM build of the same engine ships in
// an npm package and talks to PostgreSQL through the pg driver adapter instead.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { fileURLToPath } from "node:url";
import pg from "pg";

export type { SchemaEngine };

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

let loaded = false;

// Node 20 cannot import a .wasm file as an ES module, so the package's own entry point
// (which does exactly that) is bypassed: instantiate the binary by hand and hand it to the
// JS glue, as the entry point would.
function loadEngine(): void {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const module = new WebAssembly.Module(readFileSync(join(dirname(gluePath), "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

// Without this registry a Rust panic surfaces as a bare "unreachable" trap. A panic inside
// an async task can escape our promise and end the process, so the message is also written
// to stderr at once rather than only attached to the error we throw.
let lastPanic: string | undefined;
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    lastPanic = message;
    process.stderr.write(`Prisma schema engine panicked: ${message}\n`);
  },
};

// adapter-pg 7.10 has no mapping for PostgreSQL's internal one-byte "char" type, which the
// engine's catalogue queries return (e.g. pg_constraint.contype). The value arrives as a
// one-character string either way, so announcing it as text is faithful. Only this dev-tool
// connection does it; the app's Prisma client never sees such columns.
type QueryResultLike = { fields?: { dataTypeID: number }[] };

function charAsText<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as QueryResultLike[]) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

class CharAsTextClient extends pg.Client {
  // pg's query() has many overloads; this wrapper only post-processes what comes back,
  // whether it is delivered by callback (as pg.Pool does) or by promise (as the adapter does).
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (err: Error | null, res: unknown) => callback(err, err ? res : charAsText(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const submitted = (super.query as (...a: unknown[]) => unknown)(...args);
    if (submitted instanceof Promise) return submitted.then(charAsText) as never;
    return submitted as never;
  }
}

export const appSchemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

export function readAppSchema(): SchemaFile {
  return { path: appSchemaPath, content: readFileSync(appSchemaPath, "utf8") };
}

// adapter-pg 7.10 runs a script by splitting it on every ";" and sending the pieces one by
// one. That breaks any migration with a semicolon inside a string, a DO block or a function
// body, and it loses atomicity. The native engine sends the whole script as one simple
// query, which PostgreSQL runs as a single implicit transaction; do the same here.
function wholeScripts(adapter: PgAdapter): PgAdapter {
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      throw asDriverAdapterError(error);
    }
  };
  return adapter;
}

function asDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "",
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

function adapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(pool);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => wholeScripts(await base.connect()),
    connectToShadowDb: async () => wholeScripts(await base.connectToShadowDb()),
  };
}

export type EngineLog = (line: string) => void;

export interface SchemaFile {
  path: string;
  content: string;
}

// Opens an engine whose database connection is `databaseUrl`, runs `fn`, and always frees the
// engine and closes the pool, so a failed command never leaves connections behind.
export async function withSchemaEngine<T>(
  databaseUrl: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  opts: { schema?: SchemaFile; log?: EngineLog } = {},
): Promise<T> {
  loadEngine();
  // The engine panics when constructed with no schema at all, so default to the app's.
  const schema = opts.schema ?? readAppSchema();
  const pool = new pg.Pool({ connectionString: databaseUrl, Client: CharAsTextClient, max: 4 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory(pool));
  const datamodels: [string, string][] = [[schema.path, schema.content]];
  const log = opts.log ?? (() => undefined);
  lastPanic = undefined;
  let engine: SchemaEngine | undefined;
  try {
    engine = await bindings.SchemaEngine.new({ datamodels }, (line: string) => log(line), factory);
    return await fn(engine);
  } catch (error) {
    throw explainEngineError(error);
  } finally {
    engine?.free();
    await pool.end();
  }
}

function explainEngineError(error: unknown): Error {
  if (lastPanic) return new Error(`Prisma schema engine panicked: ${lastPanic}`, { cause: error });
  if (error instanceof Error) return error;
  // Engine errors arrive as plain objects such as { message, error_code, meta }.
  const message = (error as { message?: unknown })?.message;
  return new Error(typeof message === "string" ? message : JSON.stringify(error), { cause: error });
}
