// The demo's consents and referrals, checked with the app's own rules: what was shared is
// what was agreed (lib/referrals/snapshot), each referral rested on a basis the database
// trigger accepts at the moment it was sent (lib/consent/state), each partner account sees
// every state, and nothing about the child ever reaches a partner agency.
import { describe, it, expect } from "vitest";
import { consentState } from "@/lib/consent/state";
import { isReferralOverdue } from "@/lib/referrals/overdue";
import { sharedSnapshotSchema } from "@/lib/referrals/snapshot";
import type { ConsentField, ReferralStatus } from "@/lib/generated/prisma/enums";
import { planDemo, type DemoRows } from "./plan";

const NOW = new Date("2026-03-10T12:00:00Z");
const DAYS = [NOW, new Date("2025-01-01T00:00:00Z"), new Date("2027-07-31T23:30:00Z")];
const rows = planDemo(NOW);

type Referral = DemoRows["referrals"][number];
type Consent = DemoRows["consents"][number];

const at = (value: unknown) => (value as Date).getTime();
const fieldsOf = (value: unknown) => value as ConsentField[];

// The key each consented field adds to what is shared; nothing else may appear.
const KEY_OF: Record<ConsentField, string> = {
  WORKING_NAME: "workingName",
  CONTACT_SAFETY: "contactSafety",
  LANGUAGE_AND_ACCESS: "languageAndAccess",
  REFERRAL_REASON: "reason",
  SUPPORT_NEEDED: "supportNeeded",
  INCIDENT_SUMMARY: "incident",
};

function lookups(plan: DemoRows) {
  const consents = new Map(plan.consents.map((c) => [c.id, c]));
  const overrides = new Map(plan.overrides.map((o) => [o.id, o]));
  const userId = (email: string) => plan.users.find((u) => u.email === email)?.id;
  const orgId = (name: string) => plan.organisations.find((o) => o.name === name)?.id;
  const agencies = [
    { agencyId: orgId("Demo Women's Aid"), partnerId: userId("partner@demo.liaison.test") },
    { agencyId: orgId("Demo Health Outreach"), partnerId: userId("partner2@demo.liaison.test") },
  ];
  const partnerOf = (r: Referral) => agencies.find((a) => a.agencyId === r.agencyId)?.partnerId;
  return {
    consents,
    overrides,
    agencies,
    partnerOf,
    consentOf: (r: Referral) => consents.get(r.consentId as string) as Consent,
    allowedOf: (r: Referral) =>
      fieldsOf(
        r.consentId ? consents.get(r.consentId)?.fields : overrides.get(r.overrideId as string)?.fields,
      ),
  };
}

describe("what the demo's referrals shared", () => {
  const { allowedOf, consents } = lookups(rows);

  it("gives every consent a list of what may be shared, built around who and how to reach them", () => {
    expect(rows.consents.length).toBeGreaterThanOrEqual(20);
    for (const c of rows.consents) {
      expect(fieldsOf(c.fields)).toEqual(expect.arrayContaining(["WORKING_NAME", "CONTACT_SAFETY"]));
      expect(c.scope).toMatch(/agreed that Demo (Women's Aid|Health Outreach) may be told/);
    }
    const lists = new Set(rows.consents.map((c) => fieldsOf(c.fields).join()));
    expect(lists.size).toBeGreaterThanOrEqual(3);
    const everyField = new Set(rows.consents.flatMap((c) => fieldsOf(c.fields)));
    expect(everyField).toEqual(new Set(Object.keys(KEY_OF)));
  });

  it("sends only consented fields (or the override's), on exactly one basis", () => {
    for (const r of rows.referrals) {
      expect(r.consentId === null).not.toBe(r.overrideId === null);
      const allowed = allowedOf(r);
      expect(allowed.length).toBeGreaterThan(0);
      expect(fieldsOf(r.sharedFields).length).toBeGreaterThan(0);
      for (const f of fieldsOf(r.sharedFields)) expect(allowed).toContain(f);
    }
  });

  it("stores a snapshot holding only the keys of the fields sent, and no incident without a report", () => {
    const withSnapshot = rows.referrals.filter((r) => r.shared !== undefined);
    expect(withSnapshot.length).toBeGreaterThan(20);
    for (const r of withSnapshot) {
      const shared = sharedSnapshotSchema.parse(r.shared);
      expect(Object.keys(shared).sort()).toEqual(
        fieldsOf(r.sharedFields)
          .map((f) => KEY_OF[f])
          .sort(),
      );
      if (r.reportId === null) expect(fieldsOf(r.sharedFields)).not.toContain("INCIDENT_SUMMARY");
      if (shared.incident) expect(r.reportId).not.toBeNull();
      const person = rows.people.find((p) => p.id === r.personId);
      if (shared.workingName) expect(shared.workingName).toBe(person?.workingName);
    }
    expect(withSnapshot.some((r) => (r.shared as { incident?: unknown }).incident)).toBe(true);
  });

  it("never carries a narrative, place or suspect into what is shared", () => {
    for (const r of rows.referrals.filter((x) => x.shared !== undefined)) {
      const report = rows.reports.find((p) => p.id === r.reportId);
      const text = JSON.stringify(r.shared);
      if (report) {
        expect(text).not.toContain(report.narrative);
        expect(text).not.toContain(report.place as string);
      }
    }
  });

  it("writes the reason and the officer's contact on every referral", () => {
    for (const r of rows.referrals) {
      expect(String(r.reason).length).toBeGreaterThan(20);
      expect(r.officerContact).toMatch(/^(PC|DS) [A-Z][a-z]+ [A-Z][a-z]+, 01632 960\d{3}$/);
    }
    expect(consents.size).toBe(rows.consents.length);
  });
});

describe("every demo referral was allowed when it was sent", () => {
  it.each(DAYS)("rests on a consent live at that moment, or an override approved before it (%s)", (now) => {
    const plan = planDemo(now);
    const { consentOf, overrides } = lookups(plan);
    for (const r of plan.referrals) {
      expect(at(r.createdAt)).toBeLessThan(now.getTime());
      if (r.consentId) {
        const c = consentOf(r);
        expect([c.personId, c.agencyId]).toEqual([r.personId, r.agencyId]);
        const state = consentState(
          { givenAt: c.givenAt as Date, expiresAt: null, withdrawnAt: null },
          r.createdAt as Date,
        );
        expect(state).toBe("live");
        // Withdrawal and expiry came after the referral, as they were recorded later.
        for (const later of [c.withdrawnAt, c.expiresAt])
          if (later) expect(at(later)).toBeGreaterThan(at(r.createdAt));
      } else {
        const o = overrides.get(r.overrideId as string);
        expect([o?.unitId, o?.personId, o?.agencyId]).toEqual([r.unitId, r.personId, r.agencyId]);
        expect(at(o?.createdAt)).toBeLessThan(at(r.createdAt));
      }
    }
  });
});

describe("each partner account sees a referral in every state", () => {
  const STATES: ReferralStatus[] = ["SENT", "ACCEPTED", "DECLINED", "CLOSED", "WITHDRAWN"];

  it.each(DAYS)("for both agencies, with overdue and recent new ones (%s)", (now) => {
    const plan = planDemo(now);
    const { agencies } = lookups(plan);
    for (const { agencyId } of agencies) {
      const theirs = plan.referrals.filter((r) => r.agencyId === agencyId);
      expect(new Set(theirs.map((r) => r.status))).toEqual(new Set(STATES));
      const sent = theirs.filter((r) => r.status === "SENT");
      const overdue = sent.filter((r) =>
        isReferralOverdue({ status: "SENT", createdAt: r.createdAt as Date }, now),
      );
      expect(overdue.length).toBeGreaterThanOrEqual(1);
      expect(sent.length - overdue.length).toBeGreaterThanOrEqual(1);
      // Overdue means days, not years: nobody left a referral waiting since last spring.
      for (const r of overdue) expect(now.getTime() - at(r.createdAt)).toBeLessThan(30 * 86_400_000);
      const closed = theirs.filter((r) => r.status === "CLOSED").map((r) => r.closeReason);
      expect(closed).toEqual(expect.arrayContaining(["SUPPORT_TAKEN_UP", "COULD_NOT_MAKE_CONTACT", "OTHER"]));
    }
  });

  it.each(DAYS)("records who answered, when, and why, in the order it happened (%s)", (now) => {
    const plan = planDemo(now);
    const { partnerOf } = lookups(plan);
    for (const r of plan.referrals) {
      const updates = plan.referralUpdates.filter((u) => u.referralId === r.id);
      if (r.status === "SENT") {
        expect([r.respondedAt, r.handledById, updates.length]).toEqual([null, null, 0]);
        continue;
      }
      expect(r.handledById).toBe(partnerOf(r));
      expect(at(r.respondedAt)).toBeGreaterThan(at(r.createdAt));
      expect(at(r.respondedAt)).toBeLessThan(now.getTime());
      for (const u of updates) {
        expect([u.side, u.authorId]).toEqual(["AGENCY", partnerOf(r)]);
        expect(at(u.createdAt)).toBeGreaterThan(at(r.respondedAt));
        expect(at(u.createdAt)).toBeLessThan(Math.min(now.getTime(), at(r.withdrawnAt ?? now)));
      }
      if (r.status === "ACCEPTED") expect(updates.length).toBeGreaterThanOrEqual(1);
      if (r.status === "ACCEPTED") expect(updates.length).toBeLessThanOrEqual(2);
      if (r.status === "DECLINED") expect(String(r.declineReason).length).toBeGreaterThan(20);
      else expect(r.declineReason).toBeNull();
      if (r.status === "CLOSED") expect(r.closeReason).not.toBeNull();
      if (r.closeReason === "OTHER") expect(String(r.closeNote).length).toBeGreaterThan(20);
      else expect(r.closeNote).toBeNull();
    }
  });
});

describe("a lapsed consent", () => {
  it.each(DAYS)(
    "leaves a withdrawn referral with no snapshot, its dates, and the erasure notice (%s)",
    (now) => {
      const plan = planDemo(now);
      const { consentOf, partnerOf } = lookups(plan);
      const withdrawn = plan.referrals.filter((r) => r.status === "WITHDRAWN");
      expect(withdrawn.length).toBeGreaterThanOrEqual(2);
      for (const r of withdrawn) {
        const c = consentOf(r);
        expect(r.shared).toBeUndefined();
        expect(at(r.withdrawnAt)).toBe(at(c.withdrawnAt));
        expect(c.withdrawalMethod).not.toBeNull();
        expect(plan.users.find((u) => u.id === c.withdrawnById)?.role).toMatch(/LIAISON_OFFICER|SUPERVISOR/);
        if (r.erasureAcknowledgedAt) {
          expect(r.erasureAcknowledgedById).toBe(partnerOf(r));
          expect(at(r.erasureAcknowledgedAt)).toBeGreaterThan(at(r.withdrawnAt));
        } else expect(r.erasureAcknowledgedById).toBeNull();
      }
      expect(withdrawn.filter((r) => r.erasureAcknowledgedAt)).toHaveLength(1);
      expect(withdrawn.filter((r) => !r.erasureAcknowledgedAt).length).toBeGreaterThanOrEqual(1);
      // Every referral on a withdrawn consent is withdrawn, and only those.
      for (const r of plan.referrals.filter((x) => x.consentId))
        expect(r.status === "WITHDRAWN").toBe(Boolean(consentOf(r).withdrawnAt));
    },
  );

  it("leaves what was sent on an expired consent as it was", () => {
    const { consentOf } = lookups(rows);
    const expired = rows.referrals.filter(
      (r) => r.consentId && consentOf(r).expiresAt && at(consentOf(r).expiresAt) < NOW.getTime(),
    );
    expect(expired.length).toBeGreaterThanOrEqual(1);
    for (const r of expired) {
      expect(r.status).not.toBe("WITHDRAWN");
      expect(r.shared).toBeDefined();
    }
  });
});

describe("sharing without consent", () => {
  it("happens once, on a supervisor's recorded decision about an adult at risk", () => {
    const { overrides } = lookups(rows);
    const onOverride = rows.referrals.filter((r) => r.overrideId);
    expect(onOverride).toHaveLength(1);
    const o = overrides.get(onOverride[0]?.overrideId as string);
    expect(o?.basis).toBe("ADULT_AT_RISK");
    expect(String(o?.reason).length).toBeGreaterThan(100);
    expect(rows.users.find((u) => u.id === o?.approvedById)?.role).toBe("SUPERVISOR");
    expect(rows.overrides).toHaveLength(1);
    // The person had no consent for that agency: that is why it was needed.
    expect(rows.consents.filter((c) => c.personId === o?.personId && c.agencyId === o?.agencyId)).toEqual([]);
  });
});

describe("who is never referred to a partner agency", () => {
  it.each(DAYS)("not the child, by id or by name, anywhere in what the agencies hold (%s)", (now) => {
    const plan = planDemo(now);
    const child = plan.people.find((p) => p.ageBand === "UNDER_18");
    expect(child?.workingName).toBe("Kayla");
    const theirs = [...plan.referrals, ...plan.consents, ...plan.overrides];
    for (const row of theirs) expect(row.personId).not.toBe(child?.id);
    const text = JSON.stringify([theirs, plan.referralUpdates]);
    expect(text).not.toContain(child?.workingName);
  });

  it.each(DAYS)("not Marnie, whose consent the referral journey records from nothing (%s)", (now) => {
    const plan = planDemo(now);
    const marnie = plan.people.find((p) => p.workingName === "Marnie");
    expect(marnie).toBeDefined();
    expect(plan.consents.filter((c) => c.personId === marnie?.id)).toEqual([]);
    expect(plan.referrals.filter((r) => r.personId === marnie?.id)).toEqual([]);
  });
});
