// The "add a safeguarding record" form's fields and limits, apart from its schema: the form
// in the browser needs these, and importing the schema module would send zod to every
// browser too.
export const SAFEGUARDING_FIELDS = ["concern", "referralMade", "referredTo", "notMadeReason"] as const;
export type SafeguardingField = (typeof SAFEGUARDING_FIELDS)[number];
export type SafeguardingFormValues = Record<SafeguardingField, string>;

export const LIMITS = { referredTo: 300, notMadeReason: 2000 } as const;
