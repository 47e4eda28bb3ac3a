import type { ReactNode } from "react";
import type { LiveSnapshot } from "~/live/types";
import { LIVE_RECENT, LIVE_TOP_COOPERATIVES } from "~/live/types";
import { pick, type Locale } from "~/utils/i18n";
import { translate, type StorefrontKey } from "~/i18n/areas/storefront";
import { formatFen } from "~/utils/money";
import { useLocale } from "~/utils/use-locale";

/**
 * The fair wall, laid out for a 1920×1080 screen read from 5 metres: the page's language large,
 * the other small; every number in tabular figures inside a fixed-width box, and every list
 * with a fixed number of fixed-height rows, so nothing moves when figures change.
 */
const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});
export const shanghaiTime = (iso: string) => timeFormat.format(new Date(iso));

/**
 * A day's sums in whole yuan ("¥1,234,567"): read from across a hall, the fen only add width. Cut,
 * not rounded, so the wall never shows more than was sold. Each sale keeps its fen (saleLine).
 */
const yuan = {
  zh: new Intl.NumberFormat("zh-CN", {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  }),
  en: new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "CNY",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  }),
};
export const formatYuan = (fen: number, locale: Locale) => yuan[locale].format(Math.trunc(fen / 100) || 0);

/** "云南 · 彝绣手工挎包 · ¥368.00": where, what and how much; never who. */
export const saleLine = (sale: LiveSnapshot["recent"][number], locale: Locale) =>
  `${pick(locale, sale, "region")} · ${pick(locale, sale, "product")} · ${formatFen(sale.fen, locale)}`;

function Label({ k, className = "" }: { k: StorefrontKey; className?: string }) {
  const locale = useLocale();
  const other: Locale = locale === "zh" ? "en" : "zh";
  return (
    <h2 className={`flex items-baseline gap-4 overflow-hidden whitespace-nowrap font-bold ${className}`}>
      <span className="shrink-0 text-4xl">{translate(locale, k)}</span>
      <span className="truncate text-2xl font-normal text-sky-200/70">{translate(other, k)}</span>
    </h2>
  );
}

function Figure({ k, value, testId }: { k: StorefrontKey; value: string; testId: string }) {
  return (
    <div className="rounded-2xl bg-white/5 px-8 py-5">
      <Label k={k} />
      {/* A fixed-height line whose type shrinks only when the figure would not fit its box
          (¥10,000,000 and up): the box never moves, whatever the figure. */}
      <div className="@container mt-2">
        <p
          className="h-24 overflow-hidden whitespace-nowrap text-right font-black tabular-nums leading-[6rem] text-amber-300"
          style={{ fontSize: `min(6rem, calc(100cqw / ${(value.length * 0.56).toFixed(2)}))` }}
          data-testid={testId}
        >
          {value}
        </p>
      </div>
    </div>
  );
}

export function LiveWall({
  snapshot,
  connected,
  title = "live.title",
  extra,
}: {
  snapshot: LiveSnapshot;
  connected: boolean;
  title?: StorefrontKey;
  /** The organisers' panels, shown instead of the cooperative ranking's lower half. */
  extra?: ReactNode;
}) {
  const locale = useLocale();
  const max = Math.max(1, ...snapshot.regions.map((r) => r.fen));
  const recent = Array.from({ length: LIVE_RECENT }, (_, i) => snapshot.recent[i]);
  const cooperatives = Array.from({ length: LIVE_TOP_COOPERATIVES }, (_, i) => snapshot.cooperatives[i]);
  return (
    <div
      className="grid h-screen w-screen grid-rows-[auto_minmax(0,1fr)] gap-6 overflow-hidden bg-[#0b1d33] p-8 text-white"
      data-testid="live-wall"
    >
      <header className="flex items-end justify-between border-b border-white/15 pb-4">
        <div className="flex items-baseline gap-6">
          <h1 className="text-6xl font-black tracking-wide">{translate(locale, title)}</h1>
          <p className="text-3xl text-sky-200/80">{translate(locale, "site.name")}</p>
        </div>
        <p className="w-[22rem] text-right text-3xl tabular-nums text-sky-200/80" data-testid="live-updated">
          {connected
            ? translate(locale, "live.updated", { time: shanghaiTime(snapshot.readAt) })
            : translate(locale, "live.offline")}
        </p>
      </header>

      <main className="grid min-h-0 grid-cols-[minmax(0,34fr)_minmax(0,30fr)_minmax(0,36fr)] gap-8">
        <section className="flex min-h-0 flex-col gap-5">
          <Figure
            k="live.salesToday"
            value={formatYuan(snapshot.salesFen, locale)}
            testId="live-sales"
          />
          <Figure
            k="live.ordersToday"
            value={snapshot.orders.toLocaleString("zh-CN")}
            testId="live-orders"
          />
          <div className="min-h-0 flex-1 rounded-2xl bg-white/5 px-8 py-5">
            <Label k="live.byRegion" />
            <ol className="mt-3 space-y-2" data-testid="live-regions">
              {snapshot.regions.map((region) => (
                <li key={region.id} className="grid h-12 grid-cols-[12.5rem_minmax(0,1fr)_11rem] items-center gap-3">
                  <span className="truncate text-3xl">{pick(locale, region, "name")}</span>
                  <span className="h-7 rounded bg-white/10">
                    <span
                      className="block h-full rounded bg-amber-400 transition-[width] duration-700"
                      style={{ width: `${(region.fen / max) * 100}%` }}
                    />
                  </span>
                  <span className="text-right text-3xl tabular-nums">{formatYuan(region.fen, locale)}</span>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <section className="flex min-h-0 flex-col gap-5">
          <div className="rounded-2xl bg-white/5 px-8 py-5">
            <Label k="live.topCooperatives" />
            <ol className="mt-3" data-testid="live-cooperatives">
              {cooperatives.map((coop, index) => (
                <li
                  key={coop?.id ?? `empty-${index}`}
                  className="grid h-[3.25rem] grid-cols-[2.5rem_minmax(0,1fr)_10.5rem] items-center gap-3"
                >
                  <span className="text-3xl font-bold tabular-nums text-amber-300">{coop ? index + 1 : ""}</span>
                  <span className="truncate text-3xl">
                    {coop ? pick(locale, coop, "name") : ""}
                    {coop && <span className="ml-3 text-2xl text-sky-200/70">{pick(locale, coop, "region")}</span>}
                  </span>
                  <span className="text-right text-3xl tabular-nums">{coop ? formatYuan(coop.fen, locale) : ""}</span>
                </li>
              ))}
            </ol>
          </div>
          {extra}
        </section>

        <section className="min-h-0 rounded-2xl bg-white/5 px-8 py-5">
          <Label k="live.recent" />
          <ol className="mt-3" data-testid="live-recent">
            {recent.map((sale, index) =>
              sale ? (
                <li
                  key={sale.id}
                  className="grid h-[2.35rem] grid-cols-[6.5rem_minmax(0,1fr)_9.5rem] items-center gap-3 text-[1.7rem] leading-none"
                  data-testid="live-sale"
                  aria-label={saleLine(sale, locale)}
                >
                  <span className="tabular-nums text-sky-200/70">{shanghaiTime(sale.at).slice(0, 5)}</span>
                  <span className="truncate">
                    {pick(locale, sale, "region")} · {pick(locale, sale, "product")}
                  </span>
                  <span className="text-right tabular-nums text-amber-200">{formatFen(sale.fen, locale)}</span>
                </li>
              ) : (
                <li key={`empty-${index}`} className="h-[2.35rem] text-[1.7rem] text-sky-200/40">
                  {index === 0 && snapshot.recent.length === 0 ? translate(locale, "live.noSales") : ""}
                </li>
              ),
            )}
          </ol>
        </section>
      </main>
    </div>
  );
}
