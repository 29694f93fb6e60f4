// The database connection handed to the WASM schema engine. adapter-pg is written for the
// app's query engine; two of its habits break the schema engine, and both are corrected here
// for this dev-tool connection only (the app's Prisma client is untouched).
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type ResultLike = { fields?: { dataTypeID: number }[] } | undefined;

// 1. adapter-pg has no mapping for PostgreSQL's internal one-byte "char" type, which the
// engine's catalogue queries return (pg_constraint.contype and the like), and fails the whole
// query. The value is parsed as a one-character string either way, so calling it text is
// faithful.
function charAsText<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as ResultLike[]) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

class CharAsTextClient extends pg.Client {
  // pg.Pool calls query() with a callback, adapter-pg's transactions with a promise; both
  // shapes are post-processed and everything else passes through unchanged.
  override query(...args: unknown[]): never {
    const run = super.query as (...a: unknown[]) => unknown;
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (err: Error | null, res: unknown) => callback(err, err ? res : charAsText(res));
      return run.apply(this, args) as never;
    }
    const submitted = run.apply(this, args);
    return (submitted instanceof Promise ? submitted.then(charAsText) : submitted) as never;
  }
}

// 2. adapter-pg runs a script by splitting it on every ";" and sending the pieces one by one,
// which breaks any migration with a semicolon in a string literal, a DO block or a function
// body, and loses atomicity. The native engine sends the whole script as one simple query,
// which PostgreSQL runs as a single implicit transaction; do the same.
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

// Lets the engine report the PostgreSQL error code and message instead of a generic JS error.
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

export function createEnginePool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, Client: CharAsTextClient, max: 4 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  return pool;
}

export function createEngineAdapterFactory(
  pool: pg.Pool,
): ErrorCapturingSqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(pool);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => wholeScripts(await base.connect()),
    connectToShadowDb: async () => wholeScripts(await base.connectToShadowDb()),
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}
