// Loads the synthetic demo: two years of a liaison unit's work, every row marked isDemo.
// It runs once, into an empty database, in one transaction: it never mixes with real data
// and never leaves half a demo behind.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { CaseEventType, CourtResult, ReportStatus } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { encryptTotpSecret } from "@/lib/auth/totp-secret";
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import { localSecrets } from "@/tools/secrets";
import { DEMO_ORGANISATION_NAMES, DEMO_PASSWORD } from "./accounts";
import { planDemo, type DemoRows } from "./plan";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./accounts";

export const ALREADY_SEEDED = "already seeded";

export type DemoCounts = {
  accounts: number;
  people: number;
  reports: number;
  charged: number;
  convicted: number;
  open: number;
  caseEvents: number;
  contacts: number;
  victimUpdates: number;
  referrals: number;
};

export type SeedDemoResult = { created: boolean; reason?: string; counts?: DemoCounts };

type Tx = Prisma.TransactionClient;

// Asked in this order on purpose: once the demo is in, people use it and add their own
// rows, and a later `npm start` must still answer "already seeded", not "refused".
async function reasonNotToSeed(tx: Tx): Promise<string | null> {
  const demo = await tx.organisation.findFirst({
    where: { isDemo: true, name: { in: DEMO_ORGANISATION_NAMES } },
    select: { id: true },
  });
  if (demo) return ALREADY_SEEDED;
  const found: string[] = [];
  const real = { isDemo: false };
  if (await tx.organisation.findFirst({ where: real, select: { id: true } })) found.push("organisations");
  if (await tx.user.findFirst({ where: real, select: { id: true } })) found.push("users");
  if (await tx.person.findFirst({ where: real, select: { id: true } })) found.push("people");
  if (await tx.incidentReport.findFirst({ where: real, select: { id: true } })) found.push("reports");
  if (found.length === 0) return null;
  return `the database already holds real (non-demo) ${found.join(", ")}; demo data is only loaded into an empty database`;
}

async function write(tx: Tx, rows: DemoRows, passwordHash: string): Promise<void> {
  // Parents first: the unit names the force as its parent.
  await tx.organisation.createMany({ data: rows.organisations.filter((o) => !o.parentId) });
  await tx.organisation.createMany({ data: rows.organisations.filter((o) => o.parentId) });
  // Every demo account has the README's TOTP secret, encrypted with the key the app will use.
  const authSecret = process.env.AUTH_SECRET ?? localSecrets().AUTH_SECRET;
  await tx.user.createMany({
    data: rows.users.map((u) => ({
      ...u,
      passwordHash,
      totpSecretEnc: encryptTotpSecret(String(u.id), DEMO_TOTP_SECRET, authSecret),
      totpEnrolledAt: u.createdAt,
    })),
  });
  await tx.person.createMany({ data: rows.people });
  await tx.incidentReport.createMany({ data: rows.reports });
  await tx.suspect.createMany({ data: rows.suspects });
  await tx.suspectIdentifier.createMany({ data: rows.identifiers });
  await tx.caseEvent.createMany({ data: rows.events });
  await tx.liaisonContact.createMany({ data: rows.contacts });
  await tx.victimUpdate.createMany({ data: rows.updates });
  // The database accepts a referral only on a live consent or a supervisor's override, so
  // the history is written in its order: consents as given and overrides as approved, the
  // referrals they allowed, then any later withdrawal or expiry. The referral rows already
  // hold their final state (a withdrawn one is WITHDRAWN with nothing shared left), which
  // the trigger does not look at: it checks only the basis.
  await tx.consent.createMany({
    data: rows.consents.map((c) => ({
      ...c,
      withdrawnAt: null,
      withdrawalMethod: null,
      withdrawnById: null,
      expiresAt: null,
    })),
  });
  await tx.sharingOverride.createMany({ data: rows.overrides });
  await tx.referral.createMany({ data: rows.referrals });
  await tx.referralUpdate.createMany({ data: rows.referralUpdates });
  await tx.riskAssessment.createMany({ data: rows.riskAssessments });
  await tx.safeguardingRecord.createMany({ data: rows.safeguarding });
  await tx.unitAgencyLink.createMany({ data: rows.unitAgencyLinks });
  await tx.thirdPartySubmission.createMany({ data: rows.submissions });
  await tx.safetyAlert.createMany({ data: rows.alerts });
  await tx.safetyAlertRecipient.createMany({ data: rows.alertRecipients });
  await tx.safetyAlertIdentifier.createMany({ data: rows.alertIdentifiers });
  for (const c of rows.consents.filter((c) => c.withdrawnAt || c.expiresAt))
    await tx.consent.update({
      where: { id: c.id },
      data: {
        withdrawnAt: c.withdrawnAt,
        withdrawalMethod: c.withdrawalMethod,
        withdrawnById: c.withdrawnById,
        expiresAt: c.expiresAt,
      },
    });
  await tx.referenceCounter.createMany({ data: rows.counters });
}

function countsOf(rows: DemoRows): DemoCounts {
  const reportsWith = (match: (e: DemoRows["events"][number]) => boolean) =>
    new Set(rows.events.filter(match).map((e) => e.reportId)).size;
  return {
    accounts: rows.users.length,
    people: rows.people.length,
    reports: rows.reports.length,
    charged: reportsWith((e) => e.type === CaseEventType.CHARGED),
    convicted: reportsWith(
      (e) => e.type === CaseEventType.COURT_RESULT && e.courtResult === CourtResult.CONVICTED,
    ),
    open: rows.reports.filter((r) => r.status === ReportStatus.OPEN).length,
    caseEvents: rows.events.length,
    contacts: rows.contacts.length,
    victimUpdates: rows.updates.length,
    referrals: rows.referrals.length,
  };
}

export function describeDemo(c: DemoCounts): string {
  return (
    `Demo data loaded: ${c.reports} reports (${c.charged} charged, ${c.convicted} convicted, ${c.open} open), ` +
    `${c.people} people, ${c.caseEvents} case events, ${c.contacts} liaison contacts, ${c.victimUpdates} victim updates, ` +
    `${c.referrals} referrals, ${c.accounts} accounts.`
  );
}

// A fixed lock id, so two seeds started together queue up and the second sees the first's
// rows (and answers "already seeded") instead of racing it.
const SEED_LOCK = 0x5eed_de70;

// The demo's accounts have a published password, so their data is loaded only where it is
// meant to be: in demo mode (LIAISON_DEMO=1, set by `npm start` on its embedded database and
// by `npm test` for the end-to-end run) or in a test run, and never in a production start.
type SeedEnvironment = { NODE_ENV?: string; LIAISON_DEMO?: string };

export function reasonNotToSeedHere(environment: SeedEnvironment = process.env): string | null {
  if (environment.NODE_ENV === "production")
    return "this is a production environment (NODE_ENV=production), where demo data is never loaded";
  if (environment.LIAISON_DEMO !== "1" && environment.NODE_ENV !== "test")
    return "this is not demo mode; demo data is loaded only with LIAISON_DEMO=1, and only that instance may then use the demo accounts";
  return null;
}

export async function seedDemo(
  client: PrismaClient,
  opts: { log?: (s: string) => void; now?: Date; environment?: SeedEnvironment } = {},
): Promise<SeedDemoResult> {
  const refusal = reasonNotToSeedHere(opts.environment);
  if (refusal) return { created: false, reason: refusal };
  const log = opts.log ?? (() => undefined);
  const rows = planDemo(opts.now ?? new Date());
  // Hashed once for all six accounts: argon2id is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const result = await client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK}::bigint)`;
      const reason = await reasonNotToSeed(tx);
      if (reason) return { created: false, reason };
      await write(tx, rows, passwordHash);
      return { created: true, counts: countsOf(rows) };
    },
    { timeout: 120_000 },
  );
  if (result.counts) log(describeDemo(result.counts));
  return result;
}
