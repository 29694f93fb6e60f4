import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as Enums from "@/lib/generated/prisma/enums";
import messages from "@/messages/en";

const dir = join(import.meta.dirname, "../../messages/en");

describe("the English message catalogue", () => {
  it("no two files claim the same namespace", () => {
    const seen = new Map<string, string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      for (const key of Object.keys(JSON.parse(readFileSync(join(dir, file), "utf8")) as object)) {
        expect(seen.get(key), `${key} is in both ${seen.get(key)} and ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });

  it("names every value of every enumeration shown to users", () => {
    const shown = messages.enums as Record<string, Record<string, string>>;
    for (const [name, labels] of Object.entries(shown)) {
      const values = Object.values((Enums as Record<string, Record<string, string>>)[name] ?? {});
      expect(values.length, `${name} is not a Prisma enum`).toBeGreaterThan(0);
      expect(
        values.filter((v) => !labels[v]),
        `${name} values without a label`,
      ).toEqual([]);
    }
  });
});
