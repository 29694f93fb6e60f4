// Every table on the dashboard, as data: the page renders these and the CSV export writes
// the very same rows, so a download always matches what was on screen (apart from
// small-number suppression, which exports and print apply).
//
// Each count carries an id naming the quantity it shows ("all:charged", "route=PARTNER_AGENCY:
// reports"), the same id wherever the same quantity appears, so that suppression can see
// every place a figure is published and every sum that ties figures together
// (lib/dashboard/relations.ts). Rates and days name the counts they come from.
import { STAGE_COUNT_KEYS, STAGES, type AgeBand } from "./definitions";
import { addMonths } from "./filters";
import type { Breakdown, Counts, Dashboard } from "./queries";

export type Cell =
  | { kind: "count"; value: number; id: string }
  | { kind: "rate"; part: number; whole: number; from: string[] }
  | { kind: "days"; value: number | null; basis: number; from: string[] }
  | { kind: "text"; text: string };

export type TableRow = { key: string; header: string; note?: string; cells: Cell[] };

export type DashboardTable = {
  key: TableKey;
  caption: string;
  rowHeader: string;
  columns: string[];
  rows: TableRow[];
};

export const TABLE_KEYS = [
  "headline",
  "funnel",
  "outcomes",
  "reasons",
  "breakdown-type",
  "breakdown-route",
  "breakdown-wants",
  "breakdown-risk",
  "breakdown-setting",
  "breakdown-relationship",
  "breakdown-area",
  "breakdown-officer",
  "trend-month",
  "trend-quarter",
  "timeliness",
  "open-age",
  "contacts",
  "trust",
  "victim-updates",
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export function isTableKey(value: string): value is TableKey {
  return (TABLE_KEYS as readonly string[]).includes(value);
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type TableText = {
  t: Translate;
  // "May 2026" for "2026-05".
  month: (month: string) => string;
};

const count = (value: number, id: string): Cell => ({ kind: "count", value, id });
// A share names every count it is worked out from: shown beside a shown whole, a share gives
// its part away, so it is withheld whenever one of them is.
const share = (part: number, whole: number, ...from: string[]): Cell => ({ kind: "rate", part, whole, from });

// The id of a measure of the whole cohort, of one value of a dimension, of a month.
export const idOf = (where: string, measure: string) => `${where}:${measure}`;
export const ALL = "all";
const text = (value: string): Cell => ({ kind: "text", text: value });

// What each value of a dimension is called on screen and in the export.
export function valueLabel(
  dimension: Breakdown | "outcome" | "reason" | "support",
  value: string,
  d: Dashboard,
  tt: TableText,
): string {
  const { t } = tt;
  if (value === "" && dimension === "officer") return t("dashboard.labels.unassigned");
  if (value === "" && dimension === "risk") return t("dashboard.labels.notAssessed");
  if (value === "") return t("dashboard.labels.notRecorded");
  switch (dimension) {
    case "type":
      return t(`enums.IncidentType.${value}`);
    case "route":
      return t(`enums.ReportingRoute.${value}`);
    case "wants":
      return t(`enums.PersonWants.${value}`);
    case "setting":
      return t(`enums.WorkSetting.${value}`);
    case "relationship":
      return t(`enums.PerpetratorRelationship.${value}`);
    case "area":
      return value;
    case "risk":
      return value === "NOT_ASSESSED" ? t("dashboard.labels.notAssessed") : t(`enums.RiskLevel.${value}`);
    case "support":
      return t(`dashboard.support.${value}`);
    case "officer":
      return d.officers.find((o) => o.id === value)?.name ?? t("dashboard.labels.formerOfficer");
    case "outcome":
      return value === "PENDING" || value === "NONE"
        ? t(`dashboard.outcomes.${value}`)
        : t(`enums.HomeOfficeOutcome.${value}`);
    case "reason":
      return value === "NOT_RECORDED"
        ? t("dashboard.reasons.NOT_RECORDED")
        : t(`enums.WithdrawalReason.${value}`);
  }
}

// The measures a breakdown row shows: the stages, then (not a stage) the reports whose
// person supports action, then the rates and the reports still open.
export const BREAKDOWN_MEASURES = [...STAGE_COUNT_KEYS, "supported", "open"] as const;

function funnelCells(c: Counts, where: string): Cell[] {
  const id = (k: string) => idOf(where, k);
  return [
    ...STAGE_COUNT_KEYS.map((k) => count(c[k], id(k))),
    count(c.supported, id("supported")),
    share(c.charged, c.reports, id("charged"), id("reports")),
    share(c.convicted, c.reports, id("convicted"), id("reports")),
    count(c.open, id("open")),
  ];
}

export const TREND_MEASURES = ["reports", "charged", "convicted", "open"] as const;

function trendCells(c: Counts, where: string): Cell[] {
  const id = (k: string) => idOf(where, k);
  return [
    count(c.reports, id("reports")),
    count(c.charged, id("charged")),
    share(c.charged, c.reports, id("charged"), id("reports")),
    count(c.convicted, id("convicted")),
    share(c.convicted, c.reports, id("convicted"), id("reports")),
    count(c.open, id("open")),
  ];
}

function contactMonths(d: Dashboard): { month: string; contacts: number }[] {
  const first = d.period.from ?? d.contacts[0]?.month;
  if (!first) return [];
  const byMonth = new Map(d.contacts.map((c) => [c.month, c.contacts]));
  const rows = [];
  for (let m = first; m <= d.period.to; m = addMonths(m, 1))
    rows.push({ month: m, contacts: byMonth.get(m) ?? 0 });
  return rows;
}

export function dashboardTables(d: Dashboard, tt: TableText): Partial<Record<TableKey, DashboardTable>> {
  const { t } = tt;
  const c = d.totals;
  const all = (k: string) => idOf(ALL, k);
  const trendColumns = ["received", "charged", "chargeRate", "convicted", "convictionRate", "open"].map((k) =>
    t(`dashboard.columns.${k}`),
  );
  const breakdownColumns = [
    ...STAGES.map((s) => t(`dashboard.stages.${s}`)),
    t("dashboard.columns.supported"),
    t("dashboard.columns.chargeRate"),
    t("dashboard.columns.convictionRate"),
    t("dashboard.columns.open"),
  ];
  const steppedBack = ["OUTCOME_14", "OUTCOME_16"];
  const steppedBackCount = d.outcomes
    .filter((o) => steppedBack.includes(o.key))
    .reduce((sum, o) => sum + o.reports, 0);
  const updates = d.victimUpdates;
  const updateKeys = ["onTime", "late", "overdue", "notYetDue"] as const;
  const updatesTotal = updateKeys.reduce((sum, k) => sum + updates[k], 0);
  const routeCount = (route: string) =>
    d.breakdowns.find((b) => b.dimension === "route")?.rows.find((r) => r.key === route)?.counts.reports ?? 0;
  const trustLine = (
    key: string,
    part: number,
    partId: string,
    whole: number,
    wholeId: string,
    note?: string,
  ): TableRow => ({
    key,
    header: t(`dashboard.trust.${key}`),
    ...(note ? { note } : {}),
    cells: [count(part, partId), count(whole, wholeId), share(part, whole, partId, wholeId)],
  });

  const tables: Partial<Record<TableKey, DashboardTable>> = {
    headline: {
      key: "headline",
      caption: t("dashboard.headline.caption"),
      rowHeader: t("dashboard.columns.measure"),
      columns: [t("dashboard.columns.count"), t("dashboard.columns.shareOfReceived")],
      rows: [
        {
          key: "received",
          header: t("dashboard.headline.received"),
          note: t("dashboard.headline.receivedDefinition"),
          cells: [count(c.reports, all("reports")), text("")],
        },
        {
          key: "charged",
          header: t("dashboard.headline.charged"),
          note: t("dashboard.headline.chargedDefinition"),
          cells: [
            count(c.charged, all("charged")),
            share(c.charged, c.reports, all("charged"), all("reports")),
          ],
        },
        {
          key: "convicted",
          header: t("dashboard.headline.convicted"),
          note: t("dashboard.headline.convictedDefinition"),
          cells: [
            count(c.convicted, all("convicted")),
            share(c.convicted, c.reports, all("convicted"), all("reports")),
          ],
        },
        {
          key: "supported",
          header: t("dashboard.headline.supported"),
          note: t("dashboard.headline.supportedDefinition"),
          cells: [
            count(c.supported, all("supported")),
            share(c.supported, c.reports, all("supported"), all("reports")),
          ],
        },
        {
          key: "suspectsCharged",
          header: t("dashboard.headline.suspectsCharged"),
          note: t("dashboard.headline.suspectsChargedDefinition"),
          cells: [count(c.suspectsCharged, all("suspectsCharged")), text("")],
        },
      ],
    },
    funnel: {
      key: "funnel",
      caption: t("dashboard.funnel.caption"),
      rowHeader: t("dashboard.columns.stage"),
      columns: [
        "reports",
        "shareOfReceived",
        "shareOfPrevious",
        "supported",
        "stoppedOpen",
        "stoppedClosed",
      ].map((k) => t(`dashboard.columns.${k}`)),
      rows: d.funnel.map((row, i) => {
        const key = STAGE_COUNT_KEYS[i] ?? "reports";
        const previousKey = i > 0 ? (STAGE_COUNT_KEYS[i - 1] ?? "reports") : null;
        const previous = i > 0 ? (d.funnel[i - 1]?.count ?? 0) : 0;
        return {
          key: row.stage,
          header: t(`dashboard.stages.${row.stage}`),
          note: t(`dashboard.stageDefinitions.${row.stage}`),
          cells: [
            count(row.count, all(key)),
            share(row.count, c.reports, all(key), all("reports")),
            previousKey === null ? text("") : share(row.count, previous, all(key), all(previousKey)),
            // The whole cohort's row is the headline's "person supports action".
            count(row.supported, i === 0 ? all("supported") : idOf("support=YES", key)),
            count(row.stoppedOpen, `openStage=${i}`),
            count(row.stoppedClosed, `closedStage=${i}`),
          ],
        };
      }),
    },
    outcomes: {
      key: "outcomes",
      caption: t("dashboard.outcomes.caption"),
      rowHeader: t("dashboard.columns.outcome"),
      columns: [t("dashboard.columns.reports"), t("dashboard.columns.shareOfReceived")],
      rows: d.outcomes.map((o) => ({
        key: o.key,
        header: valueLabel("outcome", o.key, d, tt),
        cells: [
          count(o.reports, idOf(`outcome=${o.key}`, "reports")),
          share(o.reports, c.reports, idOf(`outcome=${o.key}`, "reports"), all("reports")),
        ],
      })),
    },
    reasons: {
      key: "reasons",
      caption: t("dashboard.reasons.caption"),
      rowHeader: t("dashboard.columns.reason"),
      columns: [t("dashboard.columns.reports"), t("dashboard.columns.shareOfSteppedBack")],
      rows: d.reasons.map((r) => ({
        key: r.key,
        header: valueLabel("reason", r.key, d, tt),
        cells: [
          count(r.reports, idOf(`reason=${r.key}`, "reports")),
          share(
            r.reports,
            steppedBackCount,
            idOf(`reason=${r.key}`, "reports"),
            ...steppedBack.map((o) => idOf(`outcome=${o}`, "reports")),
          ),
        ],
      })),
    },
    "trend-month": {
      key: "trend-month",
      caption: t("dashboard.trend.monthCaption"),
      rowHeader: t("dashboard.columns.month"),
      columns: trendColumns,
      rows: d.months.map((m) => ({
        key: m.month,
        header: tt.month(m.month),
        cells: trendCells(m.counts, `month=${m.month}`),
      })),
    },
    "trend-quarter": {
      key: "trend-quarter",
      caption: t("dashboard.trend.quarterCaption"),
      rowHeader: t("dashboard.columns.quarter"),
      columns: trendColumns,
      rows: d.quarters.map((q) => {
        const [year, quarter] = q.quarter.split("-Q");
        return {
          key: q.quarter,
          header: t("dashboard.trend.quarter", { year: year ?? "", quarter: Number(quarter) }),
          cells: trendCells(q.counts, `quarter=${q.quarter}`),
        };
      }),
    },
    timeliness: {
      key: "timeliness",
      caption: t("dashboard.timeliness.caption"),
      rowHeader: t("dashboard.columns.measure"),
      columns: ["reports", "medianDays", "p90Days"].map((k) => t(`dashboard.columns.${k}`)),
      rows: (["toCharge", "toOutcome"] as const).map((k) => {
        const m = d.timeliness[k];
        // Every charged report has a date of charge: the same count as "charged".
        const id = k === "toCharge" ? all("charged") : "timeliness:toOutcome";
        return {
          key: k,
          header: t(`dashboard.timeliness.${k}`),
          cells: [
            count(m.reports, id),
            { kind: "days", value: m.median, basis: m.reports, from: [id] },
            { kind: "days", value: m.p90, basis: m.reports, from: [id] },
          ],
        };
      }),
    },
    "open-age": {
      key: "open-age",
      caption: t("dashboard.openAge.caption"),
      rowHeader: t("dashboard.columns.age"),
      columns: [t("dashboard.columns.openReports")],
      rows: d.openByAge.map((b) => ({
        key: b.band,
        header: t(`dashboard.openAge.${b.band satisfies AgeBand}`),
        cells: [count(b.reports, `openAge=${b.band}`)],
      })),
    },
    contacts: {
      key: "contacts",
      caption: t("dashboard.trust.contactsCaption"),
      rowHeader: t("dashboard.columns.month"),
      columns: [t("dashboard.columns.contacts")],
      rows: contactMonths(d).map((m) => ({
        key: m.month,
        header: tt.month(m.month),
        cells: [count(m.contacts, `contacts=${m.month}`)],
      })),
    },
    trust: {
      key: "trust",
      caption: t("dashboard.trust.caption"),
      rowHeader: t("dashboard.columns.measure"),
      columns: ["count", "outOf", "share"].map((k) => t(`dashboard.columns.${k}`)),
      rows: [
        trustLine(
          "direct",
          routeCount("DIRECT_TO_LIAISON_OFFICER"),
          idOf("route=DIRECT_TO_LIAISON_OFFICER", "reports"),
          c.reports,
          all("reports"),
        ),
        trustLine(
          "viaPartner",
          routeCount("PARTNER_AGENCY"),
          idOf("route=PARTNER_AGENCY", "reports"),
          c.reports,
          all("reports"),
        ),
        trustLine("startedQuiet", c.startedQuiet, all("startedQuiet"), c.reports, all("reports")),
        trustLine(
          "converted",
          c.converted,
          all("converted"),
          c.startedQuiet,
          all("startedQuiet"),
          t("dashboard.trust.convertedNote"),
        ),
        trustLine("repeat", c.repeat, all("repeat"), c.reports, all("reports")),
        // Referrals are counted by the month they were sent, apart from the reports.
        {
          key: "referralsMade",
          header: t("dashboard.trust.referralsMade"),
          note: t("dashboard.trust.referralsNote"),
          cells: [count(d.referrals.made, "referrals:made"), text(""), text("")],
        },
        trustLine(
          "referralsAccepted",
          d.referrals.accepted,
          "referrals:accepted",
          d.referrals.made,
          "referrals:made",
        ),
        trustLine(
          "referralsTakenUp",
          d.referrals.takenUp,
          "referrals:takenUp",
          d.referrals.made,
          "referrals:made",
        ),
      ],
    },
    "victim-updates": {
      key: "victim-updates",
      caption: t("dashboard.victimUpdates.caption"),
      rowHeader: t("dashboard.columns.status"),
      columns: [t("dashboard.columns.updates"), t("dashboard.columns.shareOfUpdates")],
      rows: updateKeys.map((k) => ({
        key: k,
        header: t(`dashboard.victimUpdates.${k}`),
        cells: [
          count(updates[k], `updates:${k}`),
          share(updates[k], updatesTotal, ...updateKeys.map((u) => `updates:${u}`)),
        ],
      })),
    },
  };
  for (const { dimension, rows } of d.breakdowns) {
    const key = `breakdown-${dimension}` as TableKey;
    tables[key] = {
      key,
      caption: t("dashboard.breakdowns.caption", { dimension }),
      rowHeader: t(`dashboard.breakdowns.${dimension}`),
      columns: breakdownColumns,
      rows: rows.map((r) => ({
        key: r.key,
        header: valueLabel(dimension, r.key, d, tt),
        cells: funnelCells(r.counts, `${dimension}=${r.key}`),
      })),
    };
  }
  // An officer's own view has no breakdown by officer, so not every key has a table.
  return tables;
}
