import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { roleHas } from "@/lib/authz/permissions";
import { getUserForAdmin } from "@/lib/users/queries";
import { listSessions } from "@/lib/auth/sessions";
import { ROLES_FOR_KIND } from "@/lib/accounts/roles";
import { DataTable } from "@/components/data-table";
import { ActionButton } from "../../_components/action-button";
import { RoleForm } from "./role-form";
import {
  changeRoleAction,
  disableUserAction,
  enableUserAction,
  endAllSessionsAction,
  endSessionAction,
  issueSetupLinkAction,
  resetSecondFactorAction,
} from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function UserPage({ params }: Props) {
  const admin = await requirePermission("user:read:all");
  const { id } = await params;
  const account = await getUserForAdmin(admin, id);
  if (!account) notFound();
  const manage = roleHas(admin.role, "user:manage:all");
  const sessions = manage ? await listSessions(account.id) : [];
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, "dateTime");
  const setup = account.secondFactorEnrolled
    ? t("user.setupComplete")
    : account.pendingSetupLinkExpiresAt
      ? t("user.setupPending", { expiresAt: when(account.pendingSetupLinkExpiresAt) })
      : account.hasPassword
        ? t("user.setupPasswordOnly")
        : t("user.setupNone");
  const roles = ROLES_FOR_KIND[account.organisation.kind];
  const rt = await getTranslations("roles");
  return (
    <>
      <Link href="/admin/users" className="mb-6 inline-block">
        {t("user.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{account.name}</h1>
      {account.id === admin.id && <p className="mb-4 text-muted">{t("user.yourAccount")}</p>}
      <section aria-labelledby="account" className="mb-10">
        <h2 id="account" className="mb-4 text-2xl font-bold">
          {t("user.detailsTitle")}
        </h2>
        <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="font-bold">{t("user.email")}</dt>
          <dd>{account.email}</dd>
          <dt className="font-bold">{t("user.organisation")}</dt>
          <dd>
            {manage ? (
              <Link href={`/admin/users?organisation=${account.organisation.id}`}>
                {account.organisation.name}
              </Link>
            ) : (
              account.organisation.name
            )}{" "}
            ({t(`kinds.${account.organisation.kind}`)})
          </dd>
          <dt className="font-bold">{t("user.role")}</dt>
          <dd>{rt(account.role)}</dd>
          <dt className="font-bold">{t("user.state")}</dt>
          <dd>{account.disabled ? t("user.disabled") : t("user.active")}</dd>
          <dt className="font-bold">{t("user.created")}</dt>
          <dd>{when(account.createdAt)}</dd>
          <dt className="font-bold">{t("user.setup")}</dt>
          <dd>{setup}</dd>
        </dl>
      </section>
      {manage && (
        <>
          <section aria-labelledby="role" className="mb-10">
            <h2 id="role" className="mb-4 text-2xl font-bold">
              {t("user.roleTitle")}
            </h2>
            {roles.length > 1 ? (
              <RoleForm
                action={changeRoleAction.bind(null, account.id)}
                current={account.role}
                roles={roles}
              />
            ) : (
              <p>{t("user.noOtherRole")}</p>
            )}
          </section>
          <section aria-labelledby="access" className="mb-10">
            <h2 id="access" className="mb-4 text-2xl font-bold">
              {t("user.accessTitle")}
            </h2>
            <p className="mb-4 max-w-3xl">{t("user.disableExplain")}</p>
            {account.disabled ? (
              <ActionButton
                action={enableUserAction.bind(null, account.id)}
                formId="account-access"
                label={t("user.enable")}
                pendingLabel={t("user.enabling")}
              />
            ) : (
              <ActionButton
                action={disableUserAction.bind(null, account.id)}
                formId="account-access"
                label={t("user.disable")}
                pendingLabel={t("user.disabling")}
                danger
              />
            )}
            {!account.disabled && (
              <>
                <h3 className="mt-6 mb-2 text-xl font-bold">{t("setupLink.title")}</h3>
                <p className="mb-4 max-w-3xl">{t("setupLink.issueExplain")}</p>
                <ActionButton
                  action={issueSetupLinkAction.bind(null, account.id)}
                  formId="issue-setup-link"
                  label={t("setupLink.issue")}
                  pendingLabel={t("setupLink.issuing")}
                />
              </>
            )}
          </section>
          {!account.disabled && (
            <section aria-labelledby="second-factor" className="mb-10">
              <h2 id="second-factor" className="mb-4 text-2xl font-bold">
                {t("user.secondFactorTitle")}
              </h2>
              <p className="mb-4 max-w-3xl">{t("user.resetExplain")}</p>
              <ActionButton
                action={resetSecondFactorAction.bind(null, account.id)}
                formId="reset-second-factor"
                label={t("user.reset")}
                pendingLabel={t("user.resetting")}
                danger
              />
            </section>
          )}
          <section aria-labelledby="sessions" className="mb-10">
            <h2 id="sessions" className="mb-4 text-2xl font-bold">
              {t("user.sessionsTitle")}
            </h2>
            {sessions.length === 0 ? (
              <p className="mb-4">{t("user.noSessions")}</p>
            ) : (
              <DataTable
                caption={t("user.sessionsCaption", { count: sessions.length })}
                rows={sessions}
                rowKey={(s) => s.id}
                columns={[
                  { header: t("user.started"), rowHeader: true, cell: (s) => when(s.createdAt) },
                  { header: t("user.lastSeen"), cell: (s) => when(s.lastSeenAt) },
                  { header: t("user.address"), cell: (s) => s.clientAddress ?? t("user.notRecorded") },
                  { header: t("user.browser"), cell: (s) => s.userAgent ?? t("user.notRecorded") },
                  {
                    header: t("user.endSession"),
                    cell: (s) => (
                      <ActionButton
                        action={endSessionAction.bind(null, account.id)}
                        formId={`end-session-${s.id}`}
                        hidden={{ sessionId: s.id }}
                        label={t("user.endSession")}
                        accessibleLabel={t("user.endSessionLabel", { started: when(s.createdAt) })}
                        pendingLabel={t("user.endingSession")}
                      />
                    ),
                  },
                ]}
              />
            )}
            <div className="mt-4">
              <ActionButton
                action={endAllSessionsAction.bind(null, account.id)}
                formId="end-all-sessions"
                label={t("user.endAll")}
                pendingLabel={t("user.endingAll")}
                danger
              />
            </div>
          </section>
        </>
      )}
    </>
  );
}
