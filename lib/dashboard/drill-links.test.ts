import { describe, expect, it } from "vitest";
import { cellDrillHref, drillHref, quarterMonths } from "./drill-links";
import { filtersToSearchParams, parseFilters } from "./filters";
import type { Dashboard } from "./queries";

const view = (filters: Dashboard["filters"]) => ({ filters }) as Dashboard;

describe("the new filters in the URL", () => {
  it("reads risk, 'violence and threats only' and an unrecorded route, and writes them back the same", () => {
    const raw = { risk: "NOT_ASSESSED", violence: "yes", route: "NOT_RECORDED" };
    const { filters, problems } = parseFilters(raw);
    expect(problems).toEqual([]);
    expect(filters).toEqual({ period: "all", risk: "NOT_ASSESSED", violence: true, route: "NOT_RECORDED" });
    expect(Object.fromEntries(filtersToSearchParams(filters))).toEqual(raw);
  });

  it("refuses values it does not know, and names them", () => {
    expect(parseFilters({ risk: "EXTREME", violence: "no" }).problems).toEqual(["risk", "violence"]);
  });
});

describe("links from a count to its reports", () => {
  it("carry the view's filters and what the figure selects, and nothing else", () => {
    const d = view({ period: "last-12-months", route: "PARTNER_AGENCY" });
    expect(cellDrillHref(d, "funnel", "recorded", 5)).toBe(
      "/dashboard/reports?period=last-12-months&route=PARTNER_AGENCY&stopped=recorded&state=closed",
    );
    expect(cellDrillHref(d, "funnel", "charged", 3)).toBe(
      "/dashboard/reports?period=last-12-months&route=PARTNER_AGENCY&reached=charged&supported=yes",
    );
    expect(cellDrillHref(d, "headline", "received", 0)).toBe(
      "/dashboard/reports?period=last-12-months&route=PARTNER_AGENCY",
    );
    // Shares are not counts: no link.
    expect(cellDrillHref(d, "funnel", "recorded", 1)).toBeNull();
  });

  it("a breakdown row selects its value: a filter where there is one, the list's own key otherwise", () => {
    const d = view({ period: "all" });
    expect(cellDrillHref(d, "breakdown-route", "", 4)).toBe(
      "/dashboard/reports?route=NOT_RECORDED&reached=charged",
    );
    expect(cellDrillHref(d, "breakdown-risk", "HIGH", 0)).toBe("/dashboard/reports?risk=HIGH");
    expect(cellDrillHref(d, "breakdown-wants", "INTELLIGENCE_ONLY", 9)).toBe(
      "/dashboard/reports?wants=INTELLIGENCE_ONLY&open=yes",
    );
    expect(cellDrillHref(d, "trend-month", "2026-02", 1)).toBe(
      "/dashboard/reports?period=custom&from=2026-02&to=2026-02&reached=charged",
    );
  });

  it("a quarter is its months within the view's period; an age band and the trust lines select their reports", () => {
    expect(quarterMonths("2025-Q2", { from: "2025-06", to: "2026-05" })).toEqual({
      from: "2025-06",
      to: "2025-06",
    });
    expect(quarterMonths("2026-Q2", { from: null, to: "2026-05" })).toEqual({
      from: "2026-04",
      to: "2026-05",
    });
    expect(quarterMonths("2024-Q4", { from: "2025-01", to: "2025-12" })).toBeNull();
    expect(quarterMonths("2024-Q5", { from: null, to: "2025-12" })).toBeNull();
    const d = { filters: { period: "all" }, period: { from: null, to: "2026-05" } } as Dashboard;
    expect(cellDrillHref(d, "trend-quarter", "2026-Q1", 3)).toBe(
      "/dashboard/reports?period=custom&from=2026-01&to=2026-03&reached=convicted",
    );
    expect(cellDrillHref(d, "trend-quarter", "2026-Q1", 2)).toBeNull();
    expect(cellDrillHref(d, "open-age", "3to6Months", 0)).toBe("/dashboard/reports?open=yes&age=3to6Months");
    expect(cellDrillHref(d, "open-age", "forever", 0)).toBeNull();
    expect(cellDrillHref(d, "trust", "converted", 0)).toBe("/dashboard/reports?converted=yes");
    expect(cellDrillHref(d, "trust", "converted", 1)).toBe("/dashboard/reports?startedQuiet=yes");
    expect(cellDrillHref(d, "trust", "repeat", 1)).toBe("/dashboard/reports?");
    expect(cellDrillHref(d, "trust", "viaPartner", 0)).toBe("/dashboard/reports?route=PARTNER_AGENCY");
    // Referrals and Victims' Code updates are not reports.
    expect(cellDrillHref(d, "trust", "referralsMade", 0)).toBeNull();
    expect(cellDrillHref(d, "victim-updates", "onTime", 0)).toBeNull();
    // Under another route's filter, a route's line is not what the filter would select.
    const direct = { ...d, filters: { period: "all", route: "DIRECT_TO_LIAISON_OFFICER" } } as Dashboard;
    expect(cellDrillHref(direct, "trust", "viaPartner", 0)).toBeNull();
  });

  it("never carry an area, and are not made at all while an area is chosen", () => {
    expect(cellDrillHref(view({ period: "all" }), "breakdown-area", "Old Market", 0)).toBeNull();
    expect(cellDrillHref(view({ period: "all", area: "Old Market" }), "funnel", "recorded", 0)).toBeNull();
    expect(drillHref({ period: "all", area: "Old Market" }, {})).toBeNull();
  });

  it("are not made for a row that the view's own filter would not select (several types at once)", () => {
    const d = view({ period: "all", type: "ROBBERY" });
    expect(cellDrillHref(d, "breakdown-type", "THEFT", 0)).toBeNull();
    expect(cellDrillHref(d, "breakdown-type", "ROBBERY", 0)).toBe("/dashboard/reports?type=ROBBERY");
  });
});
