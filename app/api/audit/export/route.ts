// GET /api/audit/export?<the audit page's search>: the matching events as CSV (at most
// 10,000, newest first). Authenticates, authorises and audits on its own; only a download
// started from one of this site's pages is served.
import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session-user";
import { exportAudit, parseAuditFilters } from "@/lib/audit/search";
import { csvField } from "@/lib/dashboard/csv";
import { isSameOriginFetch } from "@/lib/http/same-origin";
import { can } from "@/lib/authz/scope";

export const dynamic = "force-dynamic";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

export async function GET(request: NextRequest) {
  if (!isSameOriginFetch(request.headers))
    return new Response("Start the download from the audit log page.", { status: 403, headers: TEXT });
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  const allowed = can(user, "audit:read:unit") || can(user, "audit:read:all");
  const filters = parseAuditFilters(Object.fromEntries(request.nextUrl.searchParams));
  const result = await exportAudit(user, filters);
  if (!result || !allowed) return new Response("Not found", { status: 404, headers: TEXT });
  const t = await getTranslations("auditLog");
  const lines = [t("exportColumns")];
  for (const r of result.rows)
    lines.push(
      [
        r.seq,
        r.at.toISOString(),
        r.actorName ?? r.actorId ?? "",
        r.actorRole ?? "",
        r.sessionId ?? "",
        r.clientAddress ?? "",
        r.action,
        r.recordType ?? "",
        r.reportReference ?? r.recordId ?? "",
        r.outcome,
      ]
        .map((v) => csvField(v))
        .join(","),
    );
  if (result.truncated) lines.push(csvField(t("truncated")));
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="liaison-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
