// The reports that carry the demo's story, written out by hand: the six that reached a
// charge (mirroring the Gwent study: 6 of 86 charged, 3 convicted), the unusual outcomes
// that need a written rationale, and repeat perpetrators whose identifiers link reports.
// Every other report is generated around these (see reports.ts).
import { Answer, IdentifierKind, ReportingRoute, WithdrawalReason } from "@/lib/generated/prisma/enums";
import type { OutcomeKind } from "./outcomes";
import type { RiskAnswers } from "./report-details";

const { VEHICLE_REGISTRATION, PHONE_NUMBER, ONLINE_HANDLE } = IdentifierKind;

export type SeriesKey = "silverEstate" | "textHarasser" | "velvetGent" | "flatRobbers";

// One perpetrator (or pair) seen in several reports. Each report records the identifiers as
// the person typed them that time; normalisation is what makes them match.
export type SeriesSuspect = {
  description: string;
  identifiers: readonly (readonly [IdentifierKind, readonly string[]])[];
};

export const SERIES: Record<SeriesKey, readonly SeriesSuspect[]> = {
  silverEstate: [
    {
      description: "White man in his 40s, heavy build, driving a silver estate car",
      identifiers: [[VEHICLE_REGISTRATION, ["ZC19 KTW", "zc19ktw", "ZC19-KTW", "Zc19 Ktw"]]],
    },
  ],
  textHarasser: [
    {
      description: "Man who calls himself 'Rob'; texts late at night from a mobile",
      identifiers: [[PHONE_NUMBER, ["07700 900812", "+44 (0)7700 900812", "0044 7700 900812"]]],
    },
  ],
  velvetGent: [
    {
      description: "Online account that contacts workers through advertising sites",
      identifiers: [[ONLINE_HANDLE, ["@Velvet_Gent", "velvet_gent", "@VELVET_GENT"]]],
    },
  ],
  flatRobbers: [
    {
      description: "Man in his 20s, shaved head; drove a black saloon",
      identifiers: [[VEHICLE_REGISTRATION, ["ZK68 NRB", "zk68 nrb"]]],
    },
    {
      description: "Second man in his 20s who made the booking by phone",
      identifiers: [[PHONE_NUMBER, ["07700900655", "07700 900 655"]]],
    },
  ],
};

// Cases that carry risk and safeguarding records (see risk.ts).
export type KeyCaseTag = "highRisk" | "child" | "slavery";

export type KeyCase = {
  daysAgo: number;
  person: string;
  scenario: string;
  kind: OutcomeKind;
  series?: SeriesKey;
  route?: ReportingRoute;
  withdrawal?: readonly WithdrawalReason[];
  notes?: string;
  sentence?: string;
  tag?: KeyCaseTag;
  toCps?: boolean;
  diversionary?: string;
  enhancedByOfficer?: string;
  bailExtendedYesterday?: boolean;
  riskAnswers?: Partial<RiskAnswers>;
  assignee?: "officer" | "officer2";
};

const R = ReportingRoute;
const WR = WithdrawalReason;

// One case per line, so the casebook reads as a table.
// prettier-ignore
export const KEY_CASES: readonly KeyCase[] = [
  // The silver estate car: unlinked at first, identified once four reports lined up.
  { daysAgo: 700, person: "Jade", scenario: "car-assault", kind: "O14", series: "silverEstate", withdrawal: [WR.FEAR_OF_REPERCUSSIONS] },
  { daysAgo: 650, person: "Bethan", scenario: "car-assault", kind: "O18", series: "silverEstate", route: R.PARTNER_AGENCY, notes: "Registration given does not match the vehicle seen (false plates); no suspect identified." },
  { daysAgo: 610, person: "Lowri", scenario: "car-assault", kind: "INTEL", series: "silverEstate", route: R.ANONYMOUS_INTELLIGENCE },
  { daysAgo: 585, person: "Dee", scenario: "car-assault", kind: "CONVICTED", series: "silverEstate", sentence: "Imprisonment, 2 years 8 months; restraining order" },
  // Robberies at incall flats by two men, one of them convicted.
  { daysAgo: 640, person: "Kasia", scenario: "outcall-robbery", kind: "O15", series: "flatRobbers", toCps: true },
  { daysAgo: 560, person: "Cerys", scenario: "outcall-robbery", kind: "CONVICTED", series: "flatRobbers", sentence: "Imprisonment, 4 years" },
  // A rape reported directly to the liaison officer, taken all the way through.
  { daysAgo: 690, person: "Tash", scenario: "rape", kind: "CONVICTED", sentence: "Imprisonment, 9 years; indefinite restraining order" },
  { daysAgo: 600, person: "Angel", scenario: "sexual-assault", kind: "ACQUITTED" },
  { daysAgo: 500, person: "Kelly", scenario: "street-assault", kind: "DISCONTINUED", route: R.EMERGENCY_OR_101, notes: "CPS discontinued the case before trial: the only independent witness could not be traced." },
  // One man texting several people: two stepped back, the third case is awaiting trial.
  { daysAgo: 520, person: "Roxy", scenario: "harassment", kind: "O16", series: "textHarasser", withdrawal: [WR.PRESSURE_FROM_SUSPECT, WR.FEAR_OF_REPERCUSSIONS] },
  { daysAgo: 455, person: "Sasha", scenario: "harassment", kind: "O16", series: "textHarasser", withdrawal: [WR.FEAR_OF_BEING_OUTED] },
  { daysAgo: 330, person: "Mo", scenario: "harassment", kind: "AWAITING_TRIAL", series: "textHarasser", assignee: "officer2" },
  // An online account that doxxes and blackmails.
  { daysAgo: 380, person: "Nia", scenario: "doxxing", kind: "O14", series: "velvetGent", withdrawal: [WR.FEAR_OF_BEING_OUTED] },
  { daysAgo: 40, person: "Yaz", scenario: "webcam-blackmail", kind: "RECORDED", series: "velvetGent", route: R.ONLINE_POLICE_REPORT },
  // Outcome 21: not in the public interest to investigate further (police decision).
  { daysAgo: 430, person: "Leo", scenario: "phone-threats", kind: "O21", notes: "The suspect is now serving a prison sentence for offences against another victim; further investigation would not change the outcome. Explained to Leo in person, who agreed." },
  { daysAgo: 290, person: "Ruby", scenario: "other-worker", kind: "O21", notes: "Low-value theft between two people sharing a flat; the money has been returned and Ruby asked for no further action. Pursuing it is not proportionate. Ruby was told by phone." },
  // Outcome 20: another body takes the action.
  { daysAgo: 395, person: "Frankie", scenario: "sexual-assault", kind: "O20", notes: "Suspect is a serving member of the armed forces; the Service Police have taken over the investigation. Frankie has been given their contact." },
  { daysAgo: 260, person: "Holly", scenario: "non-payment-threats", kind: "O20", notes: "Suspect is a licensed private-hire driver; the council's licensing team has suspended his licence and is acting. Holly was told and supports this." },
  { daysAgo: 215, person: "Marnie", scenario: "phone-threats", kind: "O20", notes: "Suspect is a registered healthcare worker; the matter has been referred to his professional regulator, which is investigating. Marnie was told by email." },
  // Outcome 22: a young suspect completed a diversionary course.
  { daysAgo: 300, person: "Star", scenario: "street-hate", kind: "O22", notes: "The suspect is 17 and had not been in trouble before; Star agreed to this outcome rather than a prosecution.", diversionary: "Completed a hate crime awareness course with the youth justice service and wrote a letter of apology." },
  // Closed by a supervisor without an outcome, at the first three stages of the funnel.
  { daysAgo: 160, person: "Tia", scenario: "street-assault", kind: "NOTHING_FURTHER", route: R.PARTNER_AGENCY },
  { daysAgo: 240, person: "Bella", scenario: "outcall-robbery", kind: "TRANSFERRED" },
  { daysAgo: 180, person: "Jax", scenario: "non-payment-threats", kind: "TRANSFERRED_IDENTIFIED" },
  // Risk and safeguarding: a high-risk case whose review is overdue (and whose bail was
  // extended yesterday), a child at risk of sexual exploitation, and modern-slavery indicators.
  { daysAgo: 52, person: "Bree", scenario: "partner-assault", kind: "BAIL", tag: "highRisk", assignee: "officer2", bailExtendedYesterday: true, enhancedByOfficer: "Victim of domestic abuse, and intimidated by the suspect: an intimidated victim under the Victims' Code.", riskAnswers: { threatsOfFurtherHarm: Answer.YES } },
  { daysAgo: 18, person: "Kayla", scenario: "child-exploitation", kind: "SUSPECT", route: R.PARTNER_AGENCY, tag: "child", riskAnswers: { threatsOfFurtherHarm: Answer.YES, riskFromExploiter: Answer.YES } },
  { daysAgo: 75, person: "Ana", scenario: "controller", kind: "RUI", route: R.PARTNER_AGENCY, tag: "slavery", assignee: "officer" },
];
