// Field encryption as a Prisma client extension: values in lib/db/encryption-fields.ts are
// encrypted on every write and opened on every read, so the modules that read and write
// people, reports, contacts and the rest keep using plain strings. Each value is bound to its
// table, column and row id (lib/crypto/field-cipher.ts); new rows get their id here, before
// the insert, so the binding is known. docs/decisions/015-field-encryption.md.
import { randomBytes } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import {
  decryptField,
  encryptField,
  identifierKey,
  isEncrypted,
  type KeyRing,
} from "@/lib/crypto/field-cipher";
import { encryptedFieldsOf, INDEXED_FIELDS, JSON_FIELDS } from "./encryption-fields";

type Obj = Record<string, unknown>;
type RuntimeModels = Record<string, { fields: { name: string; kind: string; type: string }[] }>;

export class EncryptedFieldQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptedFieldQueryError";
  }
}

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isNullType = (v: unknown) => v === Prisma.DbNull || v === Prisma.JsonNull || v === Prisma.AnyNull;

// A time-ordered UUID (version 7), the same kind the schema's @default(uuid(7)) makes.
export function uuidv7(): string {
  const b = randomBytes(16);
  b.writeUIntBE(Date.now(), 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function fieldCodec(models: RuntimeModels, ring: () => KeyRing) {
  const relations = new Map<string, Map<string, string>>(
    Object.entries(models).map(([name, m]) => [
      name,
      new Map(m.fields.filter((f) => f.kind === "object").map((f) => [f.name, f.type])),
    ]),
  );
  const relationOf = (model: string, field: string) => relations.get(model)?.get(field);
  const encrypted = (model: string, field: string) => encryptedFieldsOf(model).includes(field);
  const isJson = (model: string, field: string) => JSON_FIELDS.has(`${model}.${field}`);

  function seal(model: string, field: string, plain: unknown, rowId: unknown): unknown {
    if (plain === null || plain === undefined || plain === Prisma.skip || isNullType(plain)) return plain;
    // An empty text stays empty (GCM shows a value's length anyway), so "blank" can be filtered on.
    if (plain === "" && !isJson(model, field)) return plain;
    if (typeof rowId !== "string")
      throw new EncryptedFieldQueryError(
        `${model}.${field} is encrypted: write it with the row id in the where`,
      );
    const text = isJson(model, field) ? JSON.stringify(plain) : plain;
    if (typeof text !== "string") throw new EncryptedFieldQueryError(`${model}.${field} takes text`);
    return encryptField(ring(), text, { table: model, column: field, rowId });
  }

  function open(model: string, field: string, stored: unknown, rowId: unknown): unknown {
    // Values written before encryption was turned on stay readable until keys:rotate seals them.
    if (typeof stored !== "string" || !isEncrypted(stored)) return stored;
    if (typeof rowId !== "string")
      throw new EncryptedFieldQueryError(`${model}.${field} read without its row id`);
    const text = decryptField(ring(), stored, { table: model, column: field, rowId });
    return isJson(model, field) ? JSON.parse(text) : text;
  }

  // Encrypts the scalar values of one row's data and walks its nested writes.
  function writeData(model: string, data: unknown, rowId: unknown, creating: boolean): unknown {
    if (Array.isArray(data)) return data.map((d) => writeData(model, d, rowId, creating));
    if (!isObj(data)) return data;
    const out: Obj = { ...data };
    const fields = encryptedFieldsOf(model);
    if (creating && fields.length > 0) {
      out.id ??= uuidv7();
      rowId = out.id;
    }
    const index = INDEXED_FIELDS[model];
    for (const [key, value] of Object.entries(data)) {
      if (fields.includes(key)) {
        const plain = isObj(value) && "set" in value && !isJson(model, key) ? value.set : value;
        if (index?.field === key && plain !== undefined)
          out[index.keyField] = typeof plain === "string" ? identifierKey(ring(), plain) : plain;
        out[key] = seal(model, key, plain, rowId);
      } else {
        const target = relationOf(model, key);
        if (target && isObj(value)) out[key] = nestedWrite(target, value);
      }
    }
    return out;
  }

  const many = (v: unknown, f: (x: Obj) => Obj) =>
    Array.isArray(v) ? v.map((x) => f(x as Obj)) : f(v as Obj);
  const idOf = (where: unknown) => (isObj(where) && typeof where.id === "string" ? where.id : undefined);

  function nestedWrite(model: string, ops: Obj): Obj {
    const out: Obj = { ...ops };
    for (const [op, value] of Object.entries(ops)) {
      if (value === undefined) continue;
      if (op === "create") out.create = writeData(model, value, undefined, true);
      else if (op === "createMany" && isObj(value))
        out.createMany = { ...value, data: writeData(model, value.data, undefined, true) };
      else if (op === "connectOrCreate")
        out.connectOrCreate = many(value, (x) => ({
          where: where(model, x.where),
          create: writeData(model, x.create, undefined, true),
        }));
      else if (op === "upsert")
        out.upsert = many(value, (x) => ({
          ...x,
          ...(x.where !== undefined ? { where: where(model, x.where) } : {}),
          create: writeData(model, x.create, undefined, true),
          update: writeData(model, x.update, idOf(x.where), false),
        }));
      else if (op === "update" || op === "updateMany")
        out[op] = many(value, (x) =>
          "data" in x && Object.keys(x).every((k) => k === "data" || k === "where")
            ? {
                ...x,
                ...(x.where !== undefined ? { where: where(model, x.where) } : {}),
                data: writeData(model, x.data, idOf(x.where), false),
              }
            : (writeData(model, x, undefined, false) as Obj),
        );
      else if (
        ["connect", "disconnect", "set", "delete", "deleteMany"].includes(op) &&
        typeof value === "object"
      )
        out[op] = many(value, (x) => where(model, x) as Obj);
    }
    return out;
  }

  // Rewrites a filter: identifier values become their keyed hash; other encrypted columns can
  // only be tested for null or blank, since their stored bytes differ every time.
  function where(model: string, filter: unknown): unknown {
    if (Array.isArray(filter)) return filter.map((f) => where(model, f));
    if (!isObj(filter)) return filter;
    const out: Obj = {};
    const index = INDEXED_FIELDS[model];
    for (const [key, value] of Object.entries(filter)) {
      if (key === "AND" || key === "OR" || key === "NOT") out[key] = where(model, value);
      else if (index?.field === key) out[index.keyField] = hashFilter(model, key, value);
      else if (encrypted(model, key)) {
        const blank = (v: unknown) => v === null || v === "" || isNullType(v);
        const nullTest =
          blank(value) ||
          (isObj(value) &&
            Object.entries(value).every(([op, v]) => (op === "equals" || op === "not") && blank(v)));
        if (!nullTest)
          throw new EncryptedFieldQueryError(`${model}.${key} is encrypted and cannot be searched`);
        out[key] = value;
      } else {
        const target = relationOf(model, key);
        if (!target || !isObj(value)) out[key] = value;
        else if (["some", "every", "none", "is", "isNot"].some((k) => k in value))
          out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, where(target, v)]));
        else out[key] = where(target, value);
      }
    }
    return out;
  }

  function hashFilter(model: string, field: string, value: unknown): unknown {
    const hash = (v: unknown) => (typeof v === "string" ? identifierKey(ring(), v) : v);
    if (!isObj(value)) return hash(value);
    return Object.fromEntries(
      Object.entries(value).map(([op, v]) => {
        if (op === "equals" || op === "not") return [op, hash(v)];
        if (op === "in" || op === "notIn") return [op, (v as unknown[]).map(hash)];
        throw new EncryptedFieldQueryError(`${model}.${field} matches exact values only`);
      }),
    );
  }

  // Selections that name an encrypted field also fetch the row id (removed again after).
  const addedId = new WeakSet<object>();

  function selection(model: string, args: unknown): unknown {
    if (!isObj(args)) return args;
    const out: Obj = { ...args };
    if (args.where !== undefined) out.where = where(model, args.where);
    for (const part of ["select", "include"] as const) {
      const tree = args[part];
      if (!isObj(tree)) continue;
      const copy: Obj = { ...tree };
      for (const [key, value] of Object.entries(tree)) {
        const target = relationOf(model, key);
        if (target && isObj(value)) copy[key] = selection(target, value);
      }
      if (part === "select" && !copy.id && encryptedFieldsOf(model).some((f) => copy[f])) {
        copy.id = true;
        addedId.add(copy);
      }
      out[part] = copy;
    }
    return out;
  }

  function read(model: string, result: unknown, args: unknown): unknown {
    if (Array.isArray(result)) return result.map((r) => read(model, r, args));
    if (!isObj(result)) return result;
    const a = isObj(args) ? args : {};
    for (const field of encryptedFieldsOf(model))
      if (field in result) result[field] = open(model, field, result[field], result.id);
    for (const key of Object.keys(result)) {
      const target = relationOf(model, key);
      if (!target) continue;
      const nested = (isObj(a.select) && a.select[key]) || (isObj(a.include) && a.include[key]);
      result[key] = read(target, result[key], isObj(nested) ? nested : undefined);
    }
    if (isObj(a.select) && addedId.has(a.select)) delete result.id;
    return result;
  }

  // Whether writing this data seals anything (a non-empty value for an encrypted column).
  function seals(model: string, data: unknown): boolean {
    if (!isObj(data)) return false;
    return encryptedFieldsOf(model).some((f) => {
      const v = isObj(data[f]) && "set" in data[f] ? data[f].set : data[f];
      return v !== undefined && v !== null && v !== "" && v !== Prisma.skip && !isNullType(v);
    });
  }

  return { writeData, where, selection, read, seals };
}

// The ids a filter names as `id: { in: [...] }`, if it does.
function idList(where: unknown): string[] | undefined {
  if (!isObj(where) || !isObj(where.id) || !Array.isArray(where.id.in)) return undefined;
  return where.id.in.every((v) => typeof v === "string") ? (where.id.in as string[]) : undefined;
}

const READS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany"]);
const FILTERS = new Set(["deleteMany", "count", "aggregate", "groupBy"]);

export function withFieldEncryption(client: PrismaClient, ring: () => KeyRing): PrismaClient {
  const models = (client as unknown as { _runtimeDataModel?: { models: RuntimeModels } })._runtimeDataModel
    ?.models;
  if (!models) throw new Error("Prisma's runtime data model is not available: field encryption cannot run");
  const codec = fieldCodec(models, ring);
  const extended = client.$extends({
    name: "field-encryption",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const a: Obj = { ...((args ?? {}) as Obj) };
          const rowId = isObj(a.where) && typeof a.where.id === "string" ? a.where.id : undefined;
          if (FILTERS.has(operation)) {
            if (a.where !== undefined) a.where = codec.where(model, a.where);
            return query(a as typeof args);
          }
          if (!READS.has(operation) && !["create", "createMany", "createManyAndReturn"].includes(operation)) {
            if (operation === "upsert") {
              // A row created by an upsert that names its id is sealed under that id.
              const create = rowId && isObj(a.create) ? { id: rowId, ...a.create } : a.create;
              a.create = codec.writeData(model, create, undefined, true);
              a.update = codec.writeData(model, a.update, rowId, false);
            } else if (
              operation === "updateMany" &&
              !rowId &&
              idList(a.where) &&
              codec.seals(model, a.data)
            ) {
              // The same text for several named rows: each row gets its own sealed copy.
              let count = 0;
              for (const id of idList(a.where)!) {
                const one = {
                  ...a,
                  where: { AND: [a.where, { id }] },
                  data: codec.writeData(model, a.data, id, false),
                };
                count += ((await query(one as typeof args)) as { count: number }).count;
              }
              return { count };
            } else if (a.data !== undefined) {
              a.data = codec.writeData(model, a.data, rowId, false);
            }
          } else if (a.data !== undefined) {
            a.data = codec.writeData(model, a.data, undefined, true);
          }
          const prepared = codec.selection(model, a);
          const result = await query(prepared as typeof args);
          return codec.read(model, result, prepared);
        },
      },
    },
  });
  return extended as unknown as PrismaClient;
}
