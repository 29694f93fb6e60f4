// GET /api/people/<id>/subject-access: everything held about one person, as JSON, for a
// subject access request (lib/subject-access/export.ts says what is withheld and why).
// A supervisor of the person's unit only, within five minutes of a password or code check;
// authenticates, authorises and audits on its own (the export, never its content).
import type { NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session-user";
import { can } from "@/lib/authz/scope";
import { isSameOriginFetch } from "@/lib/http/same-origin";
import { subjectAccessExport, SubjectAccessRefused } from "@/lib/subject-access/export";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  // Only a download started from the subject access page, never from another site.
  if (!isSameOriginFetch(request.headers))
    return new Response("Start the download from the subject access page.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  if (!can(user, "retention:review:unit")) return notFound();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return notFound();
  try {
    const data = await subjectAccessExport(user, id.data, "json");
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="subject-access-${id.data}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof SubjectAccessRefused)
      return error.reason === "reauth"
        ? new Response("Re-enter your password on the subject access page first.", {
            status: 403,
            headers: { "Content-Type": "text/plain; charset=utf-8" },
          })
        : notFound();
    throw error;
  }
}
