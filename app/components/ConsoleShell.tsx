import { Form, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";

/** The frame of the organisers' console and the cooperative portal: who is signed in, the sections, sign-out. */
export function ConsoleShell({
  locale,
  title,
  email,
  links,
  children,
}: {
  locale: Locale;
  title: string;
  email: string;
  links: { to: string; label: MessageKey; end?: boolean }[];
  children: ReactNode;
}) {
  const suffix = locale === "en" ? "?lang=en" : "";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3 print:hidden">
        <div>
          <p className="text-xl font-bold">{title}</p>
          <p className="text-xs text-stone-600">{translate(locale, "accounts.signedInAs", { email })}</p>
        </div>
        <nav className="flex flex-wrap gap-2 text-sm">
          {links.map((link) => (
            <NavLink
              key={link.to}
              to={`${link.to}${suffix}`}
              end={link.end}
              className={({ isActive }) =>
                `rounded px-3 py-1.5 ${isActive ? "bg-brand-700 text-white" : "border border-stone-300 hover:bg-stone-100"}`
              }
            >
              {translate(locale, link.label)}
            </NavLink>
          ))}
          <a
            href={locale === "en" ? "?" : "?lang=en"}
            className="rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100"
          >
            {translate(locale, "nav.language")}
          </a>
          <Form method="post" action="/logout">
            <button type="submit" className="rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
              {translate(locale, "accounts.signOut")}
            </button>
          </Form>
        </nav>
      </div>
      {children}
    </div>
  );
}
