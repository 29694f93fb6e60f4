// Downloading one dashboard table as CSV: for publication, so small numbers are suppressed.
// Each export is audited (which table, by whom), never its figures.
import "server-only";
import { db, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { csvOf } from "./csv";
import type { DashboardFilters, FilterField } from "./filters";
import { DASHBOARD_TRANSACTION, mayReadDashboard, readDashboard } from "./queries";
import { dashboardTables, isTableKey, type TableText } from "./tables";

export type DashboardExport = { filename: string; csv: string };

export async function exportDashboardTable(
  user: CurrentUser,
  table: string,
  requested: DashboardFilters,
  text: TableText,
  opts: { now?: Date; client?: Db; problems?: FilterField[] } = {},
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
  return client.$transaction(async (tx) => {
    const read = await readDashboard(tx, user, requested, { now, problems: opts.problems ?? [] });
    const chosen = read ? dashboardTables(read.dashboard, text)[table] : undefined;
    if (!read || !chosen) return null;
    await recordAudit(tx, {
      actor: user,
      action: "dashboard.export",
      recordType: "dashboard-table",
      recordId: table,
      outcome: "SUCCESS",
    });
    const threshold = env().SMALL_NUMBER_THRESHOLD;
    return {
      filename: `liaison-${table}-${now.toISOString().slice(0, 10)}.csv`,
      csv: csvOf(chosen, threshold, {
        fewerThan: text.t("dashboard.export.fewerThan", { threshold }),
        withheld: text.t("dashboard.export.withheld"),
      }),
    };
  }, DASHBOARD_TRANSACTION);
}
