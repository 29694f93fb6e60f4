// The administration forms' fields, apart from their schemas: the forms in the browser need
// these, and importing lib/accounts/schema.ts would send zod to every browser too.
export const ORGANISATION_FIELDS = ["name", "kind", "parentId"] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
export type OrganisationFormValues = Record<OrganisationField, string>;

export const USER_FIELDS = ["name", "email", "organisationId", "role"] as const;
export type UserField = (typeof USER_FIELDS)[number];
export type UserFormValues = Record<UserField, string>;
