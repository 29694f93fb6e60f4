// GET /api/dashboard/export/<table>?<the page's filters>: one dashboard table as CSV, with
// small numbers suppressed. Authenticates, authorises and audits on its own, whatever the
// page showed; a table or dashboard the user may not have is "not found".
import type { NextRequest } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session-user";
import { parseFilters } from "@/lib/dashboard/filters";
import { exportDashboardTable } from "@/lib/dashboard/export";
import { monthLabel } from "@/app/dashboard/view";

export const dynamic = "force-dynamic";

function searchParamsOf(request: NextRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(request.nextUrl.searchParams.keys())) {
    const values = request.nextUrl.searchParams.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return out;
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ table: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  const { table } = await params;
  const { filters, problems } = parseFilters(searchParamsOf(request));
  const t = await getTranslations();
  const format = await getFormatter();
  const month = (m: string) => monthLabel(format, m);
  const result = await exportDashboardTable(user, table, filters, { t, month }, { problems });
  if (!result) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
