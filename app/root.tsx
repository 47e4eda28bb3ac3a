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
  useMatches,
  useNavigate,
  useNavigation,
  useRouteError,
} from "@remix-run/react";
import { useEffect, type MouseEvent, type ReactNode } from "react";
import { htmlLang, localeFromUrl, localePath, switchLocaleHref, type Locale } from "~/utils/i18n";
import { ALL_LANGUAGES, ensureLocale, hasLocale } from "~/utils/i18n-dictionaries";
import { useLocale } from "~/utils/use-locale";
import { useT, translate } from "~/i18n/areas/shared";
import { CartLink } from "~/components/CartLink";
import { useNonce } from "~/utils/nonce";
import { ErrorReference } from "~/components/ErrorReference";
import stylesheet from "./tailwind.css?url";

// No root loader: the layout is the same for every visitor and touches no database. The
// header's cart count is fetched by the page itself (CartLink), so pages stay cacheable (ADR 007).

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * The browser loads the page's language only (utils/i18n-dictionaries.ts): a page on its way to
 * the other one loads that dictionary as it goes (a redirect, a link that drops ?lang=en).
 */
function useNavigationDictionary() {
  const navigation = useNavigation();
  const next = navigation.location ? localeFromUrl(navigation.location) : null;
  useEffect(() => {
    if (next && !hasLocale(next)) void ensureLocale(next);
  }, [next]);
}

/**
 * The language button: its dictionary is loaded before it navigates (from a pointer or keyboard's
 * first sign of intent), so the page never draws in the old language. A plain link without JavaScript.
 */
function useSwitchLanguage(to: Locale, href: string) {
  const navigate = useNavigate();
  const preload = () => void ensureLocale(to);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (hasLocale(to) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void ensureLocale(to).then(() => navigate(href));
  };
  return { onClick, onPointerEnter: preload, onTouchStart: preload, onFocus: preload };
}

export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const locale = useLocale();
  const other = locale === "zh" ? "en" : "zh";
  const t = useT();
  const nonce = useNonce();
  const switchHref = switchLocaleHref(location, other);
  const switchLanguage = useSwitchLanguage(other, switchHref);
  useNavigationDictionary();
  // A full-screen page (the fair wall) draws everything itself: no header, footer or margins.
  const handles = useMatches().map((match) => match.handle as { screen?: boolean; languages?: string } | undefined);
  const screen = handles.some((handle) => handle?.screen);
  // A page showing both languages hydrates with both dictionaries (utils/i18n-dictionaries.ts).
  const languages = handles.some((handle) => handle?.languages === ALL_LANGUAGES) ? ALL_LANGUAGES : undefined;
  if (screen) {
    return (
      <html lang={htmlLang(locale)} data-languages={languages}>
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links />
        </head>
        <body className="overflow-hidden bg-[#0b1d33] antialiased">
          {children}
          <Scripts nonce={nonce} />
        </body>
      </html>
    );
  }
  return (
    <html lang={htmlLang(locale)} data-languages={languages}>
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
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
            <Link to={localePath(locale, "/")} className="text-lg font-bold leading-tight">
              {t("site.name")}
            </Link>
            <nav className="flex items-center gap-2 text-sm" aria-label={t("nav.main")}>
              <CartLink />
              <Link
                // The one language button of every page: /en/... on the storefront, ?lang=en in the
                // console and the portal (utils/i18n.ts, ADR 016), the page's query kept.
                to={switchHref}
                {...switchLanguage}
                data-testid="language-switch"
                hrefLang={htmlLang(other)}
                aria-label={t("nav.languageLabel")}
                className="rounded border border-white/60 px-3 py-1.5 hover:bg-white/10"
              >
                {t("nav.language")}
              </Link>
            </nav>
            <form
              method="get"
              action={localePath(locale, "/search")}
              role="search"
              className="flex w-full gap-2 sm:w-auto sm:flex-1 sm:justify-end"
            >
              <label htmlFor="site-search" className="sr-only">
                {t("nav.searchLabel")}
              </label>
              <input
                id="site-search"
                type="search"
                name="q"
                maxLength={100}
                placeholder={t("nav.searchPlaceholder")}
                className="min-h-10 w-full min-w-0 rounded bg-white px-3 text-stone-900 placeholder:text-stone-500 sm:max-w-xs"
              />
              <button
                type="submit"
                className="min-h-10 shrink-0 whitespace-nowrap rounded bg-white px-3 font-semibold text-brand-800 hover:bg-brand-100"
              >
                {t("nav.search")}
              </button>
            </form>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-stone-200 bg-white">
          <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-stone-600">
            {t("footer.note")}{" "}
            <Link to={localePath(locale, "/transparency")} className="text-brand-700 underline">
              {t("footer.transparency")}
            </Link>
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const locale = useLocale();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const tooMany = isRouteErrorResponse(error) && error.status === 429;
  // Never show stack traces or SQL to the public; the server log has the details.
  return (
    <div className="py-12 text-center">
      <h1 className="text-2xl font-bold">{translate(locale, notFound ? "error.notFound" : "error.title")}</h1>
      {!notFound && (
        <p className="mt-2 text-stone-600">{translate(locale, tooMany ? "error.tooMany" : "error.generic")}</p>
      )}
      <Link to={localePath(locale, "/")} className="mt-6 inline-block text-brand-700 underline">
        {translate(locale, "error.backHome")}
      </Link>
      {!isRouteErrorResponse(error) && <ErrorReference />}
    </div>
  );
}
