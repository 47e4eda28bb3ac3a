import type { LinksFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { htmlLang, localeFromPath, localePath, switchLocalePath, translate } from "~/utils/i18n";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const locale = localeFromPath(pathname);
  const other = locale === "zh" ? "en" : "zh";
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <html lang={htmlLang(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          {locale === "zh" ? "跳到正文" : "Skip to content"}
        </a>
        <header className="bg-brand-800 text-white">
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
            <Link to={localePath(locale, "/")} className="text-lg font-bold leading-tight">
              {t("site.name")}
            </Link>
            <Link
              to={switchLocalePath(pathname, other)}
              hrefLang={htmlLang(other)}
              aria-label={t("nav.languageLabel")}
              className="rounded border border-white/60 px-3 py-1 text-sm hover:bg-white/10"
            >
              {t("nav.language")}
            </Link>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-stone-200 bg-white">
          <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-stone-600">{t("footer.note")}</p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const locale = localeFromPath(pathname);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // Never show stack traces or SQL to the public; the server log has the details.
  return (
    <div className="py-12 text-center">
      <h1 className="text-2xl font-bold">{translate(locale, notFound ? "error.notFound" : "error.title")}</h1>
      {!notFound && <p className="mt-2 text-stone-600">{translate(locale, "error.generic")}</p>}
      <Link to={localePath(locale, "/")} className="mt-6 inline-block text-brand-700 underline">
        {translate(locale, "error.backHome")}
      </Link>
    </div>
  );
}
