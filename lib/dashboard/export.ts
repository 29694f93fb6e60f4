// Downloading one dashboard table as CSV: for publication, so small numbers are suppressed,
// with the secondary suppression worked out over every table of the view (a reader may
// download them all). Only the unit's own view, for one complete financial year, is
// published (lib/dashboard/publication.ts): a filtered or one-officer view, or another
// period, could be subtracted from a published one (docs/decisions/009-honest-figures.md).
// Each export is audited, never its figures.
import "server-only";
import { db, type Db } from "@/lib/db/client";
import { readDb } from "@/lib/db/replica";
import { applyRowScope, rowScopeOf } from "@/lib/db/scope";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { csvOf } from "./csv";
import type { DashboardFilters, FilterField } from "./filters";
import { isPublishable } from "./publication";
import { DASHBOARD_TRANSACTION, mayReadDashboard, readDashboard } from "./queries";
import { protectView } from "./relations";
import { dashboardTables, isTableKey, type TableText } from "./tables";

export type DashboardExport = { filename: string; csv: string };

export async function exportDashboardTable(
  user: CurrentUser,
  table: string,
  requested: DashboardFilters,
  text: TableText,
  opts: { now?: Date; client?: Db; readClient?: Db; problems?: FilterField[] } = {},
): Promise<DashboardExport | null> {
  const client = opts.client ?? db();
  const now = opts.now ?? new Date();
  if (!mayReadDashboard(user)) {
    // Refused attempts are recorded too: someone reaching for figures they may not have.
    await recordAudit(client, {
      actor: user,
      action: "dashboard.export",
      recordType: "dashboard-table",
      outcome: "DENIED",
    });
    return null;
  }
  if (!isTableKey(table)) return null;
  // The figures may come from the read replica; the audit events always go to the primary.
  const reader = opts.readClient ?? opts.client ?? readDb();
  const made = await reader.$transaction(async (tx) => {
    await applyRowScope(tx, rowScopeOf(user));
    const read = await readDashboard(tx, user, requested, { now, problems: opts.problems ?? [] });
    const d = read?.dashboard;
    if (!read || !d || !isPublishable(d)) return null;
    const tables = dashboardTables(d, text);
    const chosen = tables[table];
    if (!chosen) return null;
    const threshold = env().SMALL_NUMBER_THRESHOLD;
    return {
      filename: `liaison-${table}-${now.toISOString().slice(0, 10)}.csv`,
      csv: csvOf(chosen, protectView(d, tables, threshold), threshold, {
        suppressed: text.t("dashboard.export.suppressed"),
        withheld: text.t("dashboard.export.withheld"),
      }),
    };
  }, DASHBOARD_TRANSACTION);
  if (!made) return null;
  // After the consistent read: the audit chain needs READ COMMITTED (docs/decisions/016).
  await recordAudit(client, {
    actor: user,
    action: "dashboard.export",
    recordType: "dashboard-table",
    recordId: table,
    outcome: "SUCCESS",
  });
  return made;
}
