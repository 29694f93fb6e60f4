// Every table on the dashboard, as data: the page renders these and the CSV export writes
// the very same rows, so a download always matches what was on screen (apart from
// small-number suppression, which only the export applies).
import { STAGES, type AgeBand } from "./definitions";
import { addMonths } from "./filters";
import type { Breakdown, Counts, Dashboard } from "./queries";

export type Cell =
  | { kind: "count"; value: number }
  | { kind: "rate"; part: number; whole: number }
  | { kind: "days"; value: number | null; basis: number }
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

const count = (value: number): Cell => ({ kind: "count", value });
const share = (part: number, whole: number): Cell => ({ kind: "rate", part, whole });
const text = (value: string): Cell => ({ kind: "text", text: value });

// What each value of a dimension is called on screen and in the export.
export function valueLabel(
  dimension: Breakdown | "outcome" | "reason",
  value: string,
  d: Dashboard,
  tt: TableText,
): string {
  const { t } = tt;
  if (value === "" && dimension === "officer") return t("dashboard.labels.unassigned");
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

const STAGE_COUNTS = [
  "reports",
  "recorded",
  "identified",
  "supported",
  "cps",
  "charged",
  "convicted",
] as const;

function funnelCells(c: Counts): Cell[] {
  return [
    ...STAGE_COUNTS.map((k) => count(c[k])),
    share(c.charged, c.reports),
    share(c.convicted, c.reports),
    count(c.open),
  ];
}

function trendCells(c: Counts): Cell[] {
  return [
    count(c.reports),
    count(c.charged),
    share(c.charged, c.reports),
    count(c.convicted),
    share(c.convicted, c.reports),
    count(c.open),
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
  const trendColumns = ["received", "charged", "chargeRate", "convicted", "convictionRate", "open"].map((k) =>
    t(`dashboard.columns.${k}`),
  );
  const breakdownColumns = [
    ...STAGES.map((s) => t(`dashboard.stages.${s}`)),
    t("dashboard.columns.chargeRate"),
    t("dashboard.columns.convictionRate"),
    t("dashboard.columns.open"),
  ];

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
          cells: [count(c.reports), text("")],
        },
        {
          key: "charged",
          header: t("dashboard.headline.charged"),
          note: t("dashboard.headline.chargedDefinition"),
          cells: [count(c.charged), share(c.charged, c.reports)],
        },
        {
          key: "convicted",
          header: t("dashboard.headline.convicted"),
          note: t("dashboard.headline.convictedDefinition"),
          cells: [count(c.convicted), share(c.convicted, c.reports)],
        },
        {
          key: "suspectsCharged",
          header: t("dashboard.headline.suspectsCharged"),
          note: t("dashboard.headline.suspectsChargedDefinition"),
          cells: [count(c.suspectsCharged), text("")],
        },
      ],
    },
    funnel: {
      key: "funnel",
      caption: t("dashboard.funnel.caption"),
      rowHeader: t("dashboard.columns.stage"),
      columns: ["reports", "shareOfReceived", "shareOfPrevious", "stoppedOpen", "stoppedClosed"].map((k) =>
        t(`dashboard.columns.${k}`),
      ),
      rows: d.funnel.map((row, i) => {
        const previous = i > 0 ? (d.funnel[i - 1]?.count ?? 0) : null;
        return {
          key: row.stage,
          header: t(`dashboard.stages.${row.stage}`),
          note: t(`dashboard.stageDefinitions.${row.stage}`),
          cells: [
            count(row.count),
            share(row.count, c.reports),
            previous === null ? text("") : share(row.count, previous),
            count(row.stoppedOpen),
            count(row.stoppedClosed),
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
        cells: [count(o.reports), share(o.reports, c.reports)],
      })),
    },
    reasons: {
      key: "reasons",
      caption: t("dashboard.reasons.caption"),
      rowHeader: t("dashboard.columns.reason"),
      columns: [t("dashboard.columns.reports"), t("dashboard.columns.shareOfSteppedBack")],
      rows: d.reasons.map((r) => {
        const steppedBack = d.outcomes
          .filter((o) => o.key === "OUTCOME_14" || o.key === "OUTCOME_16")
          .reduce((sum, o) => sum + o.reports, 0);
        return {
          key: r.key,
          header: valueLabel("reason", r.key, d, tt),
          cells: [count(r.reports), share(r.reports, steppedBack)],
        };
      }),
    },
    "trend-month": {
      key: "trend-month",
      caption: t("dashboard.trend.monthCaption"),
      rowHeader: t("dashboard.columns.month"),
      columns: trendColumns,
      rows: d.months.map((m) => ({ key: m.month, header: tt.month(m.month), cells: trendCells(m.counts) })),
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
          cells: trendCells(q.counts),
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
        return {
          key: k,
          header: t(`dashboard.timeliness.${k}`),
          cells: [
            count(m.reports),
            { kind: "days", value: m.median, basis: m.reports },
            { kind: "days", value: m.p90, basis: m.reports },
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
        cells: [count(b.reports)],
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
        cells: [count(m.contacts)],
      })),
    },
    trust: {
      key: "trust",
      caption: t("dashboard.trust.caption"),
      rowHeader: t("dashboard.columns.measure"),
      columns: ["count", "outOf", "share"].map((k) => t(`dashboard.columns.${k}`)),
      rows: (() => {
        const routeCount = (route: string) =>
          d.breakdowns.find((b) => b.dimension === "route")?.rows.find((r) => r.key === route)?.counts
            .reports ?? 0;
        const line = (key: string, part: number, whole: number): TableRow => ({
          key,
          header: t(`dashboard.trust.${key}`),
          cells: [count(part), count(whole), share(part, whole)],
        });
        return [
          line("direct", routeCount("DIRECT_TO_LIAISON_OFFICER"), c.reports),
          line("viaPartner", routeCount("PARTNER_AGENCY"), c.reports),
          line("startedQuiet", c.startedQuiet, c.reports),
          line("converted", c.converted, c.startedQuiet),
          line("repeat", c.repeat, c.reports),
        ];
      })(),
    },
    "victim-updates": {
      key: "victim-updates",
      caption: t("dashboard.victimUpdates.caption"),
      rowHeader: t("dashboard.columns.status"),
      columns: [t("dashboard.columns.updates"), t("dashboard.columns.shareOfUpdates")],
      rows: (() => {
        const u = d.victimUpdates;
        const total = u.onTime + u.late + u.overdue + u.notYetDue;
        return (["onTime", "late", "overdue", "notYetDue"] as const).map((k) => ({
          key: k,
          header: t(`dashboard.victimUpdates.${k}`),
          cells: [count(u[k]), share(u[k], total)],
        }));
      })(),
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
        cells: funnelCells(r.counts),
      })),
    };
  }
  // An officer's own view has no breakdown by officer, so not every key has a table.
  return tables;
}
