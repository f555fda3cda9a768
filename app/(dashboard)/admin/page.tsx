import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { loadAdminOverview } from "@/lib/admin/overview";
import { listStoresFor } from "@/lib/stores/stores";
import { ROLES } from "@/lib/auth/roles";
import { Card, PageHeader } from "@/components/ui/card";
import { Cell, Row, SimpleTable } from "@/components/ui/simple-table";
import { TokenForm } from "./_components/token-form";
import { UserForm } from "./_components/user-form";
import { RevokeButton } from "./_components/revoke-button";
import { UserStatusButton } from "./_components/user-status-button";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const p = await requirePage("admin.read");
  const t = await getTranslations();
  const format = await getFormatter();
  const [{ users, tokens, audit }, stores] = await Promise.all([loadAdminOverview(p), listStoresFor(p)]);
  const now = new Date();
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const storeOptions = stores.map((s) => ({ value: s.id, label: s.name }));
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : t("admin.never");
  return (
    <>
      <PageHeader title={t("admin.title")} intro={t("admin.intro")} />
      <div className="grid gap-6">
        <Card title={t("admin.users")}>
          <SimpleTable
            caption={t("admin.users")}
            columns={[
              { label: t("admin.email") },
              { label: t("admin.role") },
              { label: t("admin.storesCol") },
              { label: t("admin.statusCol") },
              { label: t("admin.disable"), hidden: true },
            ]}
          >
            {users.map((u) => (
              <Row key={u.id}>
                <Cell>{u.email}</Cell>
                <Cell>{t(`roles.${u.role}`)}</Cell>
                <Cell>
                  {u.stores.map((s) => stores.find((x) => x.id === s.storeId)?.name ?? s.storeId).join(", ") || "—"}
                </Cell>
                <Cell>
                  {u.disabledAt ? t("admin.disabled") : t("admin.active")}
                  {u.demo ? ` · ${t("admin.demo")}` : ""}
                </Cell>
                <Cell>
                  {u.id === p.id ? null : (
                    <UserStatusButton id={u.id} email={u.email} disabled={Boolean(u.disabledAt)} />
                  )}
                </Cell>
              </Row>
            ))}
          </SimpleTable>
          <h3 className="mb-2 mt-6 font-semibold">{t("admin.newUser")}</h3>
          <UserForm roles={roleOptions} stores={storeOptions} />
        </Card>
        <Card title={t("admin.tokens")}>
          <SimpleTable
            caption={t("admin.tokens")}
            columns={[
              { label: t("admin.tokenName") },
              { label: t("admin.role") },
              { label: t("admin.created") },
              { label: t("admin.createdBy") },
              { label: t("admin.lastUsed") },
              { label: t("admin.expires") },
              { label: t("admin.revoke"), hidden: true },
            ]}
          >
            {tokens.length === 0 ? (
              <Row>
                <Cell className="text-slate-500">{t("admin.noRows")}</Cell>
              </Row>
            ) : null}
            {tokens.map((tk) => (
              <Row key={tk.id}>
                <Cell>
                  {tk.name} <code className="text-xs text-slate-500">{tk.prefix}…</code>
                </Cell>
                <Cell>{t(`roles.${tk.role}`)}</Cell>
                <Cell>{when(tk.createdAt)}</Cell>
                <Cell>
                  {tk.createdBy ? tk.createdBy.email : t("admin.createdByCli")}
                  {tk.createdBy?.disabled ? (
                    <div className="text-xs text-red-800">{t("admin.creatorDisabled")}</div>
                  ) : null}
                </Cell>
                <Cell>{when(tk.lastUsedAt)}</Cell>
                <Cell>
                  {tk.expiresAt ? when(tk.expiresAt) : t("admin.expiryNever")}
                  {tk.expiresAt && tk.expiresAt <= now ? ` (${t("admin.expired")})` : ""}
                </Cell>
                <Cell>{tk.revokedAt ? t("admin.revoked") : <RevokeButton id={tk.id} name={tk.name} />}</Cell>
              </Row>
            ))}
          </SimpleTable>
          <h3 className="mb-2 mt-6 font-semibold">{t("admin.newToken")}</h3>
          <TokenForm roles={roleOptions} stores={storeOptions} />
        </Card>
        <Card title={t("admin.stores")}>
          <ul className="grid gap-2 sm:grid-cols-2">
            {stores.map((s) => (
              <li key={s.id} className="rounded border border-slate-200 p-2 text-sm">
                <div className="font-medium">{s.name}</div>
                <div className="font-mono text-xs text-slate-500">
                  {s.id} · {s.timezone}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("admin.audit")}>
          <SimpleTable
            caption={t("admin.audit")}
            columns={[
              { label: t("admin.when") },
              { label: t("admin.who") },
              { label: t("admin.action") },
              { label: t("admin.entity") },
            ]}
          >
            {audit.map((a) => (
              <Row key={a.id}>
                <Cell className="whitespace-nowrap">{when(a.at)}</Cell>
                <Cell>{a.actorLabel}</Cell>
                <Cell className="font-mono text-xs">{a.action}</Cell>
                <Cell className="font-mono text-xs">
                  {a.entityType}:{a.entityId ?? ""}
                </Cell>
              </Row>
            ))}
          </SimpleTable>
        </Card>
      </div>
    </>
  );
}
