import type { Locale } from "./i18n";

/*
 * The fair's calendar and clock are Shanghai's, whatever the server's or the phone's time zone:
 * certificates lapse, "today" starts and dates are shown by Asia/Shanghai (UTC+8, no daylight
 * saving). The one place in TypeScript that knows it; SQL that groups by day says
 * `AT TIME ZONE 'Asia/Shanghai'` itself (reports.server.ts, portal-sales.server.ts).
 */

export const SHANGHAI_TIME_ZONE = "Asia/Shanghai";

/** "YYYY-MM-DD" (en-CA formats exactly so). */
const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: SHANGHAI_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Shanghai calendar day `now` falls on, "YYYY-MM-DD". */
export function shanghaiToday(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/** The instant a Shanghai calendar day ("YYYY-MM-DD") begins. */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** Midnight of the Shanghai calendar day that `now` falls on, as an instant. */
export function shanghaiMidnight(now: Date): Date {
  return shanghaiDayStart(shanghaiToday(now));
}

/** A calendar day as "YYYY-MM-DD": Date columns (@db.Date) come back as UTC midnight of that day. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Dates and times are shown in Shanghai time. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    timeZone: SHANGHAI_TIME_ZONE,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(value));
}
