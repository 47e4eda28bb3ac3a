import { Link } from "@remix-run/react";
import { useId } from "react";
import { type Locale } from "~/utils/i18n";
import { useLocale } from "~/utils/use-locale";

/**
 * A horizontal bar chart a person reads at a glance, in colour or not: every bar carries its
 * label and value as text, series differ by pattern (solid, hatched, dotted) as well as by shade,
 * and the caption is in Chinese and English. It holds no messages of its own (callers pass text),
 * so the public transparency page can draw it without the console's dictionary. Labels are HTML (they wrap on a phone); each bar is
 * a small inline SVG scaled to the largest value. No chart library.
 */

export type BarPattern = "solid" | "hatch" | "dots";

export interface Bar {
  label: string;
  value: number;
  valueText: string;
  pattern?: BarPattern;
  href?: string;
}

export function BarChart({
  caption,
  bars,
  legend,
  legendLabel,
  testId,
}: {
  /** The caption in both languages: it shows both, the page's language first. */
  caption: Record<Locale, string>;
  bars: Bar[];
  legend?: { pattern: BarPattern; label: string }[];
  legendLabel?: string;
  testId?: string;
}) {
  const locale = useLocale();
  const id = useId().replace(/:/g, "");
  const other: Locale = locale === "zh" ? "en" : "zh";
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <figure className="break-inside-avoid rounded border border-stone-200 bg-white p-3" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-semibold">
        {caption[locale]}
        <span className="font-normal text-stone-600"> · {caption[other]}</span>
      </figcaption>
      <PatternDefs id={id} />
      {legend && (
        <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700" aria-label={legendLabel}>
          {legend.map((item) => (
            <li key={item.label} className="flex items-center gap-1.5">
              <svg width="18" height="12" aria-hidden="true">
                <rect x="0.5" y="0.5" width="17" height="11" fill={`url(#${id}-${item.pattern})`} stroke="#1c1917" />
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <ol className="space-y-1.5">
        {bars.map((bar, i) => {
          const width = max > 0 && bar.value > 0 ? Math.max(0.5, (bar.value / max) * 100) : 0;
          return (
            <li key={`${i}-${bar.label}`} className="text-sm">
              <div className="flex items-baseline justify-between gap-3">
                <span className="min-w-0">{bar.label}</span>
                <span className="shrink-0 tabular-nums font-medium">
                  {bar.href ? (
                    // The bar's figure drills through to the ledger entries behind it.
                    <Link to={bar.href} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
                      {bar.valueText}
                    </Link>
                  ) : (
                    bar.valueText
                  )}
                </span>
              </div>
              <svg className="block h-3 w-full" role="presentation" aria-hidden="true">
                <rect x="0" y="0" width="100%" height="12" fill="#f5f5f4" />
                {width > 0 && (
                  <rect
                    x="0.5"
                    y="0.5"
                    width={`${width}%`}
                    height="11"
                    fill={`url(#${id}-${bar.pattern ?? "solid"})`}
                    stroke="#1c1917"
                    strokeWidth="1"
                  />
                )}
              </svg>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

/** The three fills, defined once per chart (ids are unique on the page). */
function PatternDefs({ id }: { id: string }) {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={`${id}-solid`} width="4" height="4" patternUnits="userSpaceOnUse">
          <rect width="4" height="4" fill="#9a3412" />
        </pattern>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fed7aa" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#7c2d12" strokeWidth="2.5" />
        </pattern>
        <pattern id={`${id}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
          <rect width="5" height="5" fill="#ffffff" />
          <circle cx="2.5" cy="2.5" r="1.3" fill="#1c1917" />
        </pattern>
      </defs>
    </svg>
  );
}
