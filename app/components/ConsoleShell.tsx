import { Form, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/areas/shared";
import { localePath } from "~/utils/i18n";
import { useLocale } from "~/utils/use-locale";

/**
 * The frame of the organisers' console and the cooperative portal: who is signed in, the sections,
 * sign-out. The language button is the site header's, one per page (issue 13, item 9).
 */
export function ConsoleShell({
  title,
  email,
  links,
  children,
}: {
  title: string;
  email: string;
  links: { to: string; label: string; end?: boolean }[];
  children: ReactNode;
}) {
  const locale = useLocale();
  const t = useT();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3 print:hidden">
        <div>
          <p className="text-xl font-bold">{title}</p>
          <p className="text-xs text-stone-600">{t("accounts.signedInAs", { email })}</p>
        </div>
        <nav className="flex flex-wrap gap-2 text-sm">
          {links.map((link) => (
            <NavLink
              key={link.to}
              to={localePath(locale, link.to)}
              end={link.end}
              className={({ isActive }) =>
                `rounded px-3 py-1.5 ${isActive ? "bg-brand-700 text-white" : "border border-stone-300 hover:bg-stone-100"}`
              }
            >
              {link.label}
            </NavLink>
          ))}
          <Form method="post" action="/logout">
            <button type="submit" className="rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
              {t("accounts.signOut")}
            </button>
          </Form>
        </nav>
      </div>
      {children}
    </div>
  );
}
