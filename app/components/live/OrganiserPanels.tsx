import type { OrganiserSnapshot } from "~/live/types";
import { useT, type MessageKey } from "~/i18n/areas/console";

const OUTCOMES = ["reserved", "sold_out", "busy", "invalid"] as const;

/** Checkout outcomes, orders waiting for payment, and orders placed vs paid per minute (SVG, no library). */
export function OrganiserPanels({ snapshot }: { snapshot: OrganiserSnapshot }) {
  const t = useT();
  const max = Math.max(1, ...snapshot.perMinute.flatMap((m) => [m.placed, m.paid]));
  const width = 600;
  const height = 150;
  const slot = width / Math.max(1, snapshot.perMinute.length);
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-4 rounded-2xl bg-white/5 px-8 py-5" data-testid="live-organiser">
      <h2 className="text-2xl font-bold">{t("live.outcomes")}</h2>
      <dl className="grid grid-cols-5 gap-3">
        {OUTCOMES.map((outcome) => (
          <div key={outcome}>
            <dt className="truncate text-xl text-sky-200/70">{t(`live.outcome.${outcome}` as MessageKey)}</dt>
            <dd className="text-4xl font-bold tabular-nums" data-testid={`live-outcome-${outcome}`}>
              {snapshot.outcomes[outcome]}
            </dd>
          </div>
        ))}
        <div>
          <dt className="truncate text-xl text-sky-200/70">{t("live.pending")}</dt>
          <dd className="text-4xl font-bold tabular-nums text-amber-300" data-testid="live-pending">
            {snapshot.pending}
          </dd>
        </div>
      </dl>
      <figure className="min-h-0">
        <figcaption className="flex items-center gap-6 text-xl">
          <span>{t("live.perMinute")}</span>
          <span className="flex items-center gap-2">
            <span className="inline-block h-4 w-4 bg-sky-400" /> {t("live.placed")}
          </span>
          <span className="flex items-center gap-2">
            <span className="inline-block h-4 w-4 bg-amber-400" /> {t("live.paid")}
          </span>
        </figcaption>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="mt-2 h-36 w-full"
          role="img"
          aria-label={t("live.perMinute")}
        >
          {snapshot.perMinute.map((m, i) => {
            const placed = (m.placed / max) * (height - 4);
            const paid = (m.paid / max) * (height - 4);
            return (
              <g key={m.minute}>
                <rect
                  x={i * slot + 1}
                  y={height - placed}
                  width={slot / 2 - 1}
                  height={placed}
                  className="fill-sky-400"
                />
                <rect
                  x={i * slot + slot / 2}
                  y={height - paid}
                  width={slot / 2 - 1}
                  height={paid}
                  className="fill-amber-400"
                />
              </g>
            );
          })}
        </svg>
      </figure>
    </div>
  );
}
