// The administration forms: one zod schema each, shared by the form and its action.
// Messages are keys under admin.errors. Server-set fields (who created it, when, whether
// it is active) are never read from a form.
import { z } from "zod";
import { OrganisationKind, Role } from "@/lib/generated/prisma/enums";
import { hasControlCharacters } from "@/lib/text";

const e = (key: string) => ({ error: `admin.errors.${key}` });

function name(max: number, missing: string) {
  return z
    .string(e(missing))
    .max(max, e("tooLong"))
    .refine((s) => !hasControlCharacters(s), e("controlCharacters"))
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(2, e(missing)));
}

const uuid = (missing: string) => z.uuid(e(missing));

export {
  ORGANISATION_FIELDS,
  USER_FIELDS,
  type OrganisationField,
  type OrganisationFormValues,
  type UserField,
  type UserFormValues,
} from "./fields";

export const organisationCreateSchema = z
  .strictObject({
    name: name(120, "organisationName"),
    kind: z.enum(OrganisationKind, e("organisationKind")),
    parentId: z.union([z.literal(""), uuid("parent")]).default(""),
  })
  .superRefine((form, ctx) => {
    // A unit belongs to a force; forces and agencies stand alone.
    if (form.kind === "LIAISON_UNIT" && form.parentId === "")
      ctx.addIssue({ code: "custom", path: ["parentId"], message: "admin.errors.parent" });
  })
  .transform((form) => ({
    ...form,
    parentId: form.kind === "LIAISON_UNIT" ? form.parentId : null,
  }));

export const organisationRenameSchema = z.strictObject({ name: name(120, "organisationName") });

export const userCreateSchema = z.strictObject({
  name: name(120, "userName"),
  email: z
    .string(e("email"))
    .max(254, e("email"))
    .trim()
    .toLowerCase()
    .pipe(z.email(e("email"))),
  organisationId: uuid("organisation"),
  role: z.enum(Role, e("role")),
});

export const roleChangeSchema = z.strictObject({ role: z.enum(Role, e("role")) });

// The users list's filters arrive in the URL: identifiers only (an organisation's id, a
// role), never a name. Anything unexpected is ignored rather than refused.
export const userFilterSchema = z.object({
  organisation: z.uuid().optional().catch(undefined),
  role: z.enum(Role).optional().catch(undefined),
});
export type UserFilter = z.infer<typeof userFilterSchema>;
