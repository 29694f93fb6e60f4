// What happened, as a small set of recurring situations that liaison officers describe.
// Narratives are short, neutral and written from the person's account: they say what the
// other person did, never what the person reporting "should" have done.
import {
  IdentifierKind,
  IncidentType,
  PerpetratorRelationship,
  WorkSetting,
} from "@/lib/generated/prisma/enums";

const T = IncidentType;
const R = PerpetratorRelationship;
const W = WorkSetting;
const ANY_SETTING: readonly WorkSetting[] = Object.values(W);
const IN_PRIVATE: readonly WorkSetting[] = [
  W.INDOOR,
  W.ESCORT_OUTCALL,
  W.ONLINE_INDEPENDENT,
  W.OTHER,
  W.PREFER_NOT_TO_SAY,
];
const ONLINE: readonly WorkSetting[] = [W.ONLINE_INDEPENDENT, W.WEBCAM_CONTENT, W.ESCORT_OUTCALL];

export type Scenario = {
  key: string;
  weight: number;
  types: readonly IncidentType[];
  relationships: readonly (readonly [PerpetratorRelationship, number])[];
  settings: readonly WorkSetting[];
  // The person knows who did it (a partner, a controller, a persistent ex-client), so the
  // report cannot end as "suspect not identified".
  known: boolean;
  places: readonly string[];
  // "{name}" is replaced by the person's working name.
  narratives: readonly string[];
  suspects: readonly string[];
  // Chance that each kind of identifier was noted.
  identifiers: Partial<Record<IdentifierKind, number>>;
  injuries: number;
  threats: boolean;
  exploiter?: boolean;
  enhanced?: string;
  support?: string;
  offence?: string;
};

// Kept compact (a few fields per line) so the whole catalogue fits on a screen or two.
// prettier-ignore
export const SCENARIOS: readonly Scenario[] = [
  {
    key: "outcall-robbery", weight: 6, types: [T.ROBBERY, T.PHYSICAL_ASSAULT],
    relationships: [[R.POSING_AS_CLIENT, 3], [R.CLIENT, 2]], settings: [W.ESCORT_OUTCALL, W.INDOOR, W.ONLINE_INDEPENDENT], known: false,
    places: ["Hotel room near the station", "Private flat (outcall)", "Short-let apartment"],
    narratives: [
      "{name} was booked for an outcall by a man using a new number. At the address he demanded the fee back, took {name}'s phone and cash, and pushed {name} against a wall before leaving.",
      "Two men arranged a booking at a short-let flat. When {name} arrived one blocked the door while the other took cash and a bank card. {name} was held by the arm and has bruising.",
    ],
    suspects: ["Man in his 30s, slim build, local accent", "Two men in their 20s; one in a grey tracksuit"],
    identifiers: { PHONE_NUMBER: 0.8 }, injuries: 0.5, threats: true, offence: "Robbery", support: "Replacement phone; safety planning for outcalls",
  },
  {
    key: "car-assault", weight: 6, types: [T.PHYSICAL_ASSAULT],
    relationships: [[R.CLIENT, 3], [R.POSING_AS_CLIENT, 1]], settings: [W.STREET], known: false,
    places: ["Client's car, parked by the industrial units", "Lay-by off the ring road", "Car park behind the retail park"],
    narratives: [
      "{name} got into a client's car to agree a price. He drove somewhere quiet, refused to pay and punched {name} in the face when asked to drive back. {name} got out and walked to the outreach van.",
      "During a booking in the client's car the man grabbed {name} by the throat and demanded the money back. {name} opened the door and ran to a nearby petrol station.",
    ],
    suspects: ["White man in his 40s, heavy build, driving a silver estate car", "Man in his 50s, grey beard, dark blue hatchback"],
    identifiers: { VEHICLE_REGISTRATION: 0.8 }, injuries: 0.7, threats: false, offence: "Assault occasioning actual bodily harm",
  },
  {
    key: "condom-removal", weight: 4, types: [T.CONDOM_REMOVAL, T.SEXUAL_ASSAULT],
    relationships: [[R.CLIENT, 1]], settings: IN_PRIVATE, known: false,
    places: ["Incall flat", "Hotel room (outcall)"],
    narratives: [
      "During a booking the client removed the condom without {name}'s agreement. {name} stopped the booking and asked him to leave, then went to the sexual health clinic the next morning.",
    ],
    suspects: ["Man in his 30s, regular-looking, booked under the name 'Chris'"],
    identifiers: { PHONE_NUMBER: 0.6, ONLINE_HANDLE: 0.2 }, injuries: 0, threats: false,
    enhanced: "Victim of a sexual offence", support: "Sexual health follow-up", offence: "Sexual assault",
  },
  {
    key: "rape", weight: 4, types: [T.RAPE, T.PHYSICAL_ASSAULT],
    relationships: [[R.CLIENT, 2], [R.POSING_AS_CLIENT, 2]], settings: ANY_SETTING, known: false,
    places: ["Client's home (outcall)", "Incall flat", "Hotel room (outcall)"],
    narratives: [
      "{name} agreed a booking on clear terms. The man went beyond what had been agreed, held {name} down and ignored {name} saying no. {name} left as soon as possible and called a friend.",
      "A man who had booked {name} before forced {name} into sex after {name} refused to continue without a condom. {name} called the liaison officer the following day.",
    ],
    suspects: ["Man in his 40s, tall, tattoo on his left forearm", "Man in his late 20s, short dark hair"],
    identifiers: { PHONE_NUMBER: 0.7 }, injuries: 0.4, threats: false,
    enhanced: "Victim of the most serious crime", support: "ISVA support; sexual health; forensic examination offered", offence: "Rape",
  },
  {
    key: "non-payment-threats", weight: 5, types: [T.THREATS_INTIMIDATION, T.THEFT],
    relationships: [[R.CLIENT, 3], [R.POSING_AS_CLIENT, 1]], settings: ANY_SETTING, known: false,
    places: ["Incall flat", "Client's car", "Hotel room (outcall)"],
    narratives: [
      "After the booking the client refused to pay and said he would post {name}'s photos and home area online if {name} told anyone.",
    ],
    suspects: ["Man in his 30s, well dressed, said he worked in sales"],
    identifiers: { PHONE_NUMBER: 0.7 }, injuries: 0, threats: true, offence: "Making off without payment; threats",
  },
  {
    key: "harassment", weight: 4, types: [T.HARASSMENT_STALKING, T.THREATS_INTIMIDATION],
    relationships: [[R.CLIENT, 2], [R.PARTNER_OR_EX, 1]], settings: ANY_SETTING, known: true,
    places: ["Messages and calls; twice outside {name}'s home"],
    narratives: [
      "A former client has been sending {name} dozens of messages a day from different numbers and has twice waited outside {name}'s home. {name} has blocked each number.",
    ],
    suspects: ["Former regular client, 50s, known to {name} by first name"],
    identifiers: { PHONE_NUMBER: 0.9 }, injuries: 0, threats: true,
    enhanced: "Persistently targeted", support: "Safety planning; phone settings advice", offence: "Stalking involving fear of violence",
  },
  {
    key: "doxxing", weight: 3, types: [T.ONLINE_ABUSE_DOXXING, T.THREATS_INTIMIDATION],
    relationships: [[R.CLIENT, 1], [R.MEMBER_OF_PUBLIC, 1], [R.UNKNOWN, 1]], settings: ONLINE, known: false,
    places: ["Online review forum"],
    narratives: [
      "An account on a review forum posted {name}'s legal name and the area {name} lives in, with a threat to tell {name}'s family.",
    ],
    suspects: ["Forum account; identity not known"],
    identifiers: { ONLINE_HANDLE: 0.9 }, injuries: 0, threats: true, support: "Help with takedown requests",
  },
  {
    key: "street-hate", weight: 3, types: [T.HATE_INCIDENT, T.THREATS_INTIMIDATION],
    relationships: [[R.MEMBER_OF_PUBLIC, 1]], settings: [W.STREET], known: false,
    places: ["Pavement by the canal bridge", "Outside the late-night shop"],
    narratives: [
      "A group of men in a passing car shouted abuse at {name} about sex work and threw a bottle, which hit {name}'s arm.",
    ],
    suspects: ["Three or four young men in a white car"],
    identifiers: { VEHICLE_REGISTRATION: 0.4 }, injuries: 0.3, threats: true,
  },
  {
    key: "controller", weight: 2, types: [T.COERCION_EXPLOITATION, T.THREATS_INTIMIDATION],
    relationships: [[R.EXPLOITER_CONTROLLER, 1]], settings: [W.INDOOR, W.STREET], known: true,
    places: ["Flat arranged by the suspect"],
    narratives: [
      "{name} described a man who arranges the bookings, keeps most of the money and holds on to {name}'s passport. He threatens {name} whenever {name} talks about stopping.",
    ],
    suspects: ["Man in his 30s who arranges bookings; known to {name} by a nickname"],
    identifiers: { PHONE_NUMBER: 0.8 }, injuries: 0.2, threats: true, exploiter: true,
    enhanced: "Vulnerable: at risk from an exploiter", support: "Safe accommodation; immigration advice from a specialist service",
  },
  {
    key: "partner-assault", weight: 2, types: [T.PHYSICAL_ASSAULT],
    relationships: [[R.PARTNER_OR_EX, 1]], settings: ANY_SETTING, known: true,
    places: ["{name}'s home"],
    narratives: [
      "{name}'s ex-partner, who knows about {name}'s work, came to {name}'s home, accused {name} of hiding money and hit {name} several times.",
    ],
    suspects: ["Ex-partner, 30s"],
    identifiers: { PHONE_NUMBER: 0.5 }, injuries: 0.8, threats: true, support: "Safety planning with Women's Aid",
    offence: "Assault occasioning actual bodily harm",
  },
  {
    key: "flat-theft", weight: 3, types: [T.THEFT],
    relationships: [[R.POSING_AS_CLIENT, 1]], settings: IN_PRIVATE, known: false,
    places: ["Incall flat"],
    narratives: [
      "A man who booked as a client took the cash box from the flat while {name} was out of the room and left before the booking started.",
    ],
    suspects: ["Man in his 20s, baseball cap, paid a deposit by bank transfer"],
    identifiers: { PHONE_NUMBER: 0.6, ONLINE_HANDLE: 0.2 }, injuries: 0, threats: false,
  },
  {
    key: "sexual-assault", weight: 4, types: [T.SEXUAL_ASSAULT],
    relationships: [[R.CLIENT, 1]], settings: ANY_SETTING, known: false,
    places: ["Incall flat", "Client's car", "Hotel room (outcall)"],
    narratives: [
      "The client touched {name} in ways that had been clearly ruled out when the booking was agreed, and did not stop when told to. {name} ended the booking.",
    ],
    suspects: ["Man in his 60s, glasses, said he was visiting for work"],
    identifiers: { PHONE_NUMBER: 0.5 }, injuries: 0, threats: false,
    enhanced: "Victim of a sexual offence", support: "ISVA support", offence: "Sexual assault",
  },
  {
    key: "webcam-blackmail", weight: 2, types: [T.ONLINE_ABUSE_DOXXING, T.COERCION_EXPLOITATION],
    relationships: [[R.CLIENT, 1]], settings: [W.WEBCAM_CONTENT, W.ONLINE_INDEPENDENT], known: false,
    places: ["Online subscription platform"],
    narratives: [
      "A subscriber recorded {name}'s private shows and threatened to send the clips to {name}'s family unless {name} met him in person for free.",
    ],
    suspects: ["Subscriber account; says he lives locally"],
    identifiers: { ONLINE_HANDLE: 0.9 }, injuries: 0, threats: true, support: "Help with takedown requests",
  },
  {
    key: "phone-threats", weight: 3, types: [T.THREATS_INTIMIDATION],
    relationships: [[R.POSING_AS_CLIENT, 2], [R.UNKNOWN, 1]], settings: ANY_SETTING, known: false,
    places: ["Phone calls and messages"],
    narratives: [
      "After {name} turned down a booking, the caller rang again and again, saying he knew where {name} worked and that {name} would regret it.",
    ],
    suspects: ["Caller, male, local accent"],
    identifiers: { PHONE_NUMBER: 0.9 }, injuries: 0, threats: true,
  },
  {
    key: "street-assault", weight: 3, types: [T.PHYSICAL_ASSAULT],
    relationships: [[R.MEMBER_OF_PUBLIC, 1]], settings: [W.STREET], known: false,
    places: ["Footpath by the underpass", "Bus shelter on the main road"],
    narratives: [
      "A man walking past asked {name} for business, was turned down, then kicked {name} and pulled {name}'s hair before running towards the underpass.",
    ],
    suspects: ["Man in his 20s, dark hooded top"],
    identifiers: {}, injuries: 0.6, threats: false, offence: "Assault occasioning actual bodily harm",
  },
  {
    key: "other-worker", weight: 1, types: [T.THEFT, T.THREATS_INTIMIDATION],
    relationships: [[R.OTHER_SEX_WORKER, 1]], settings: [W.INDOOR], known: true,
    places: ["Shared incall flat"],
    narratives: [
      "Someone working from the same flat took {name}'s earnings from a locked drawer and threatened {name} when asked about it.",
    ],
    suspects: ["Works from the same flat; known to {name}"],
    identifiers: {}, injuries: 0, threats: true,
  },
  // Only the hand-written case of a child uses this (weight 0). A child is never described
  // as doing sex work: this is child sexual exploitation, and the adult is the offender.
  {
    key: "child-exploitation", weight: 0, types: [T.COERCION_EXPLOITATION, T.SEXUAL_ASSAULT],
    relationships: [[R.EXPLOITER_CONTROLLER, 1]], settings: [], known: true,
    places: ["Flats above the shops on the ring road"],
    narratives: [
      "Outreach staff saw {name}, who is 15, getting out of a car late at night. {name} said a man in his twenties who {name} calls a boyfriend gives {name} money, alcohol and somewhere to stay, and takes {name} to a flat where his friends sexually abuse {name}. {name} is a child at risk of sexual exploitation.",
    ],
    suspects: ["Man in his 20s whom {name} calls a boyfriend; drives a black hatchback"],
    identifiers: { VEHICLE_REGISTRATION: 1 }, injuries: 0, threats: true, exploiter: true,
    enhanced: "Child victim of sexual exploitation", support: "Children's services social worker; specialist child exploitation service",
    offence: "Sexual exploitation of a child",
  },
];

export function scenario(key: string): Scenario {
  const found = SCENARIOS.find((s) => s.key === key);
  if (!found) throw new Error(`No scenario ${key}`);
  return found;
}

// Invented neighbourhoods: the app records areas, not addresses.
export const STREET_AREAS = [
  "Harbour Quarter",
  "Station Side",
  "Canal Basin",
  "Old Market",
  "Westgate",
] as const;
export const OTHER_AREAS = [
  "Upper Town",
  "Millbrook",
  "Riverside North",
  "Tŷ Gwyn estate",
  "Pen-y-Bryn",
  "The Tannery",
  "Glanafon",
] as const;
