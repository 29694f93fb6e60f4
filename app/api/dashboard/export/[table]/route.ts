// GET /api/dashboard/export/<table>?<the page's filters>: one dashboard table as CSV, with
// small numbers suppressed. Authenticates, authorises and audits on its own, whatever the
// page showed; a table or dashboard the user may not have is "not found".
import type { NextRequest } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session-user";
import { parseFilters } from "@/lib/dashboard/filters";
import { exportDashboardTable } from "@/lib/dashboard/export";
import { monthLabel } from "@/app/dashboard/view";
import { isSameOriginFetch } from "@/lib/http/same-origin";
import { can } from "@/lib/authz/scope";

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
  // Only a download started from one of this site's pages: another site cannot make a
  // signed-in browser fetch personal figures (and a pasted link does not export either).
  if (!isSameOriginFetch(request.headers))
    return new Response("Start the download from the dashboard.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  if (!can(user, "dashboard:read:unit") && !can(user, "dashboard:read:own"))
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
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
