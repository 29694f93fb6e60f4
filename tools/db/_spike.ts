import { readFileSync } from "node:fs";
import { withSchemaEngine } from "./schema-engine.ts";
const t0 = performance.now();
const out = await withSchemaEngine("postgresql://postgres@127.0.0.1:5432/spike1", async (e) => {
  return e.applyMigrations({ migrationsList: { baseDir: "/tmp/spikemig", lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' }, shadowDbInitScript: "", migrationDirectories: [{ path: "20250101000000_a", migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync("/tmp/spikemig/20250101000000_a/migration.sql", "utf8") } } }] }, filters: { externalTables: [], externalEnums: [] } });
}, { log: (l) => console.log("LOG", l) });
console.log(performance.now() - t0, out);
