import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { loadAdminOverview } from "@/lib/admin/overview";
import { listStoresFor } from "@/lib/stores/stores";
import { ROLES } from "@/lib/auth/roles";
import { Card, PageHeader } from "@/components/ui/card";
import { TokenForm } from "./_components/token-form";
import { UserForm } from "./_components/user-form";
import { RevokeButton } from "./_components/revoke-button";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const p = await requirePage("admin");
  const t = await getTranslations();
  const format = await getFormatter();
  const [{ users, tokens, audit }, stores] = await Promise.all([loadAdminOverview(), listStoresFor(p)]);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const storeOptions = stores.map((s) => ({ value: s.id, label: s.name }));
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : t("admin.never"));
  return (
    <>
      <PageHeader title={t("admin.title")} intro={t("admin.intro")} />
      <div className="grid gap-6">
        <Card title={t("admin.users")}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b text-slate-600">
                  <th scope="col" className="py-2 pr-4">{t("admin.email")}</th>
                  <th scope="col" className="py-2 pr-4">{t("admin.role")}</th>
                  <th scope="col" className="py-2">{t("admin.storesCol")}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className="border-b last:border-0">
                    <td className="py-2 pr-4">{u.email}</td>
                    <td className="py-2 pr-4">{t(`roles.${u.role}`)}</td>
                    <td className="py-2">{u.stores.map((s) => stores.find((x) => x.id === s.storeId)?.name ?? s.storeId).join(", ") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="mb-2 mt-6 font-semibold">{t("admin.newUser")}</h3>
          <UserForm roles={roleOptions} stores={storeOptions} />
        </Card>
        <Card title={t("admin.tokens")}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b text-slate-600">
                  <th scope="col" className="py-2 pr-4">{t("admin.tokenName")}</th>
                  <th scope="col" className="py-2 pr-4">{t("admin.role")}</th>
                  <th scope="col" className="py-2 pr-4">{t("admin.created")}</th>
                  <th scope="col" className="py-2 pr-4">{t("admin.lastUsed")}</th>
                  <th scope="col" className="py-2"><span className="sr-only">{t("admin.revoke")}</span></th>
                </tr>
              </thead>
              <tbody>
                {tokens.length === 0 ? (
                  <tr><td colSpan={5} className="py-2 text-slate-500">{t("admin.noRows")}</td></tr>
                ) : null}
                {tokens.map((tk) => (
                  <tr key={tk.id} className="border-b last:border-0">
                    <td className="py-2 pr-4">
                      {tk.name} <code className="text-xs text-slate-500">{tk.prefix}…</code>
                    </td>
                    <td className="py-2 pr-4">{t(`roles.${tk.role}`)}</td>
                    <td className="py-2 pr-4">{when(tk.createdAt)}</td>
                    <td className="py-2 pr-4">{when(tk.lastUsedAt)}</td>
                    <td className="py-2">{tk.revokedAt ? t("admin.revoked") : <RevokeButton id={tk.id} name={tk.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="mb-2 mt-6 font-semibold">{t("admin.newToken")}</h3>
          <TokenForm roles={roleOptions} stores={storeOptions} />
        </Card>
        <Card title={t("admin.stores")}>
          <ul className="grid gap-2 sm:grid-cols-2">
            {stores.map((s) => (
              <li key={s.id} className="rounded border border-slate-200 p-2 text-sm">
                <div className="font-medium">{s.name}</div>
                <div className="font-mono text-xs text-slate-500">{s.id} · {s.timezone}</div>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("admin.audit")}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b text-slate-600">
                  <th scope="col" className="py-2 pr-4">{t("admin.when")}</th>
                  <th scope="col" className="py-2 pr-4">{t("admin.who")}</th>
                  <th scope="col" className="py-2 pr-4">{t("admin.action")}</th>
                  <th scope="col" className="py-2">{t("admin.entity")}</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((a) => (
                  <tr key={a.id} className="border-b last:border-0">
                    <td className="py-2 pr-4 whitespace-nowrap">{when(a.at)}</td>
                    <td className="py-2 pr-4">{a.actorLabel}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{a.action}</td>
                    <td className="py-2 font-mono text-xs">{a.entityType}:{a.entityId ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
