// The people the demo unit works with, known by invented working names. Phone numbers come
// from Ofcom's range reserved for drama (07700 900000–900999), so none can ring anyone;
// emails use the reserved example.org domain.
import { AgeBand, ContactMethod, Language, WorkSetting } from "@/lib/generated/prisma/enums";

const { STREET, INDOOR, ESCORT_OUTCALL, ONLINE_INDEPENDENT, WEBCAM_CONTENT, OTHER, PREFER_NOT_TO_SAY } =
  WorkSetting;
const { IN_PERSON, PHONE_CALL, TEXT_MESSAGE, EMAIL, VIDEO_CALL, VIA_PARTNER_AGENCY } = ContactMethod;
const A = AgeBand;

export type PersonSketch = {
  name: string;
  // None for a child: a child is never recorded as working.
  setting: WorkSetting | null;
  age: AgeBand;
  welsh?: true;
  self?: string;
  legal?: string;
  methods: ContactMethod[];
  times?: string;
  rules?: string;
  interpreter?: string;
  access?: string;
  // How many reports the person tends to make: repeat victimisation is common.
  reports: number;
};

// One person per line, so the list reads as the table it is.
// prettier-ignore
export const PEOPLE: readonly PersonSketch[] = [
  { name: "Jade", setting: STREET, age: A.AGE_25_34, self: "Works on the street, sometimes from a friend's flat", legal: "Jade Lawrence", methods: [IN_PERSON, PHONE_CALL, TEXT_MESSAGE], times: "Afternoons", rules: "Do not text after 10pm", reports: 5 },
  { name: "Cerys", setting: INDOOR, age: A.AGE_25_34, welsh: true, self: "Works from a flat with one other woman", methods: [PHONE_CALL, TEXT_MESSAGE, IN_PERSON], times: "Weekdays before 6pm", reports: 4 },
  { name: "Mo", setting: ESCORT_OUTCALL, age: A.AGE_35_44, self: "Independent escort; trans woman", legal: "Morgan Hale", methods: [TEXT_MESSAGE, EMAIL], times: "Late mornings", rules: "No voicemail", reports: 3 },
  { name: "Bethan", setting: STREET, age: A.AGE_35_44, welsh: true, self: "Street-based; uses the outreach van", methods: [IN_PERSON, VIA_PARTNER_AGENCY], times: "Evenings at the outreach van", rules: "No phone contact: meet at the outreach van", reports: 5 },
  { name: "Kasia", setting: INDOOR, age: A.AGE_25_34, self: "Works in a parlour", methods: [PHONE_CALL, TEXT_MESSAGE], interpreter: "Polish interpreter for statements and anything formal", reports: 3 },
  { name: "Roxy", setting: ONLINE_INDEPENDENT, age: A.AGE_18_24, self: "Independent; books through her own website", legal: "Roxanne Tull", methods: [TEXT_MESSAGE, EMAIL, VIDEO_CALL], times: "Any time before 9pm", rules: "Do not text after 10pm", reports: 3 },
  { name: "Dee", setting: STREET, age: A.AGE_45_54, methods: [IN_PERSON, PHONE_CALL], times: "Mornings", rules: "Do not leave messages with anyone else", reports: 4 },
  { name: "Leo", setting: ESCORT_OUTCALL, age: A.AGE_25_34, self: "Male escort; sees male and female clients", methods: [TEXT_MESSAGE, PHONE_CALL], reports: 2 },
  { name: "Nia", setting: WEBCAM_CONTENT, age: A.AGE_18_24, welsh: true, self: "Content creator; occasional in-person bookings", methods: [EMAIL, TEXT_MESSAGE], rules: "No phone calls: text or email only", reports: 3 },
  { name: "Tash", setting: STREET, age: A.AGE_25_34, methods: [IN_PERSON, VIA_PARTNER_AGENCY, PHONE_CALL], access: "Prefers letters and forms read out rather than written", reports: 4 },
  { name: "Angel", setting: INDOOR, age: A.AGE_35_44, methods: [PHONE_CALL], times: "Weekdays 10:00–14:00", rules: "No voicemail", reports: 2 },
  { name: "Sasha", setting: ESCORT_OUTCALL, age: A.AGE_25_34, legal: "Alexandra Birch", methods: [TEXT_MESSAGE], rules: "Do not call: text first and she will ring back", reports: 3 },
  { name: "Marnie", setting: ONLINE_INDEPENDENT, age: A.AGE_35_44, methods: [EMAIL, PHONE_CALL], reports: 1 },
  { name: "Lowri", setting: STREET, age: A.AGE_18_24, welsh: true, methods: [IN_PERSON, TEXT_MESSAGE], rules: "Do not text after 10pm", reports: 3 },
  { name: "Ruby", setting: INDOOR, age: A.AGE_45_54, methods: [PHONE_CALL, IN_PERSON], reports: 2 },
  { name: "Ana", setting: INDOOR, age: A.AGE_25_34, methods: [VIA_PARTNER_AGENCY, IN_PERSON], interpreter: "Romanian interpreter", rules: "Contact through Demo Health Outreach only", reports: 2 },
  { name: "Frankie", setting: ESCORT_OUTCALL, age: A.AGE_25_34, self: "Non-binary; independent escort", methods: [TEXT_MESSAGE, EMAIL], reports: 2 },
  { name: "Gem", setting: STREET, age: A.AGE_35_44, methods: [IN_PERSON], rules: "Has no phone: meet on outreach", reports: 3 },
  { name: "Summer", setting: WEBCAM_CONTENT, age: A.AGE_25_34, methods: [EMAIL], reports: 1 },
  { name: "Carys", setting: INDOOR, age: A.AGE_25_34, welsh: true, legal: "Carys Beynon", methods: [PHONE_CALL, TEXT_MESSAGE], times: "Weekday mornings", reports: 2 },
  { name: "Bree", setting: ESCORT_OUTCALL, age: A.AGE_18_24, methods: [TEXT_MESSAGE, PHONE_CALL], rules: "Do not text after 10pm", reports: 2 },
  { name: "Kelly", setting: STREET, age: A.AGE_45_54, methods: [IN_PERSON, PHONE_CALL], reports: 3 },
  { name: "Misha", setting: ONLINE_INDEPENDENT, age: A.AGE_25_34, self: "Trans woman; works independently", methods: [TEXT_MESSAGE, VIDEO_CALL], rules: "No voicemail", reports: 2 },
  { name: "Dani", setting: INDOOR, age: A.PREFER_NOT_TO_SAY, methods: [PHONE_CALL], reports: 1 },
  { name: "Tia", setting: STREET, age: A.AGE_18_24, methods: [IN_PERSON, VIA_PARTNER_AGENCY], reports: 2 },
  { name: "Elin", setting: ESCORT_OUTCALL, age: A.AGE_35_44, welsh: true, methods: [PHONE_CALL, EMAIL], reports: 1 },
  { name: "Jax", setting: ONLINE_INDEPENDENT, age: A.AGE_25_34, self: "Sees male clients; he/him", methods: [TEXT_MESSAGE], reports: 2 },
  { name: "Paige", setting: INDOOR, age: A.AGE_25_34, methods: [TEXT_MESSAGE, PHONE_CALL], reports: 1 },
  { name: "Star", setting: STREET, age: A.AGE_35_44, methods: [IN_PERSON], reports: 2 },
  { name: "Holly", setting: OTHER, age: A.AGE_25_34, self: "Works at parties and private events", methods: [PHONE_CALL], reports: 1 },
  { name: "Siân", setting: PREFER_NOT_TO_SAY, age: A.AGE_45_54, welsh: true, methods: [PHONE_CALL, IN_PERSON], reports: 1 },
  { name: "Bella", setting: ESCORT_OUTCALL, age: A.AGE_25_34, methods: [TEXT_MESSAGE], reports: 1 },
  { name: "Yaz", setting: WEBCAM_CONTENT, age: A.AGE_18_24, methods: [EMAIL, VIDEO_CALL], reports: 1 },
  { name: "Mel", setting: INDOOR, age: A.AGE_55_PLUS, methods: [PHONE_CALL], times: "Afternoons, landline only", access: "Hard of hearing: speak clearly, or meet in person", reports: 1 },
  { name: "Chloe", setting: STREET, age: A.AGE_25_34, methods: [IN_PERSON, TEXT_MESSAGE], reports: 1 },
  { name: "Ivy", setting: ONLINE_INDEPENDENT, age: A.AGE_35_44, methods: [EMAIL], reports: 0 },
  { name: "Rosa", setting: INDOOR, age: A.AGE_25_34, methods: [VIA_PARTNER_AGENCY], interpreter: "Portuguese interpreter", reports: 0 },
  { name: "Kit", setting: ESCORT_OUTCALL, age: A.AGE_45_54, methods: [PHONE_CALL], reports: 0 },
  { name: "Lacey", setting: STREET, age: A.AGE_18_24, methods: [IN_PERSON], reports: 0 },
  { name: "Max", setting: WEBCAM_CONTENT, age: A.AGE_25_34, methods: [EMAIL], reports: 0 },
  { name: "Kayla", setting: null, age: A.UNDER_18, methods: [VIA_PARTNER_AGENCY, IN_PERSON], rules: "Contact only through the children's services social worker, or in person with them", reports: 0 },
];

// Contact details are given only when the person uses that channel.
export function phoneFor(index: number, sketch: PersonSketch): string | null {
  const usesPhone = sketch.methods.some((m) => m === PHONE_CALL || m === TEXT_MESSAGE || m === VIDEO_CALL);
  return usesPhone ? `07700 900${String(100 + index * 3).padStart(3, "0")}` : null;
}

export function emailFor(index: number, sketch: PersonSketch): string | null {
  const slug = sketch.name
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
  return sketch.methods.includes(EMAIL) ? `${slug}.${index + 1}@example.org` : null;
}

export function isChild(sketch: PersonSketch): boolean {
  return sketch.age === A.UNDER_18;
}

export function languageOf(sketch: PersonSketch): Language {
  return sketch.welsh ? Language.WELSH : Language.ENGLISH;
}
