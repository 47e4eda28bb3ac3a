/**
 * Lighthouse (npm lighthouse@12.2.3) on one page with its default, phone profile: a mid-range
 * Android phone's screen, 4x CPU slowdown and a slow 4G network, simulated. Runs Debian's
 * Chromium; never downloads a browser.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface LighthouseResult {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Bytes the page transferred in all. */
  totalBytes: number;
  /** What Lighthouse says would help most, with its estimated saving. */
  opportunities: string[];
  warnings: string[];
  /** Where the main thread's time went (Lighthouse's mainthread-work-breakdown), ms by group, largest first. */
  mainThread: { group: string; ms: number }[];
  /** Script evaluation per file (bootup-time), ms, largest first. */
  bootup: { url: string; totalMs: number; scriptingMs: number }[];
  /** The long tasks (> 50 ms) Lighthouse saw, with what it attributes them to. */
  longTasks: { url: string; startMs: number; durationMs: number }[];
  /** The whole Lighthouse report, for --json. */
  lhr?: unknown;
}

interface TableDetails {
  items?: Record<string, unknown>[];
}

export async function runLighthouse(url: string): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: FLAGS, logLevel: "silent" });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
    });
    if (!result) throw new Error("Lighthouse returned nothing");
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const opportunities = Object.values(lhr.audits)
      .filter((a) => a.details?.type === "opportunity" && (a.score ?? 1) < 0.9)
      .map((a) => {
        const saving = (a.details as { overallSavingsMs?: number }).overallSavingsMs;
        return `${a.title}${saving ? ` (~${Math.round(saving)} ms)` : ""}`;
      });
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcpMs: numeric("first-contentful-paint"),
      lcpMs: numeric("largest-contentful-paint"),
      tbtMs: numeric("total-blocking-time"),
      cls: numeric("cumulative-layout-shift"),
      speedIndexMs: numeric("speed-index"),
      totalBytes: numeric("total-byte-weight"),
      opportunities,
      warnings: lhr.runWarnings ?? [],
      mainThread: (
        ((lhr.audits["mainthread-work-breakdown"]?.details as TableDetails)?.items ?? []) as {
          groupLabel: string;
          duration: number;
        }[]
      ).map((i) => ({ group: i.groupLabel, ms: i.duration })),
      bootup: (
        ((lhr.audits["bootup-time"]?.details as TableDetails)?.items ?? []) as {
          url: string;
          total: number;
          scripting: number;
        }[]
      ).map((i) => ({ url: i.url, totalMs: i.total, scriptingMs: i.scripting })),
      longTasks: (
        ((lhr.audits["long-tasks"]?.details as TableDetails)?.items ?? []) as {
          url: string;
          startTime: number;
          duration: number;
        }[]
      ).map((i) => ({ url: i.url, startMs: i.startTime, durationMs: i.duration })),
      lhr,
    };
  } finally {
    await chrome.kill();
  }
}

/**
 * `npm run bench:lighthouse -- <url> [--runs=3]`: Lighthouse alone against a running production
 * server, each run with the machine's load average before it (Lighthouse's simulated phone
 * multiplies whatever CPU contention there is, so the score means little on a busy machine).
 */
async function main() {
  const { loadavg } = await import("node:os");
  const url = process.argv.slice(2).find((a) => !a.startsWith("--"));
  const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 3);
  // --details: where the main thread's time went; --json=PREFIX: each run's report as PREFIX-<n>.json.
  const details = process.argv.includes("--details");
  const jsonPrefix = process.argv.find((a) => a.startsWith("--json="))?.split("=")[1];
  if (!url) throw new Error("usage: npm run bench:lighthouse -- <url> [--runs=3]");
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(", ");
  for (let i = 1; i <= runs; i++) {
    const before = load();
    const r = await runLighthouse(url);
    console.log(
      `run ${i}: performance ${r.score}  FCP ${Math.round(r.fcpMs)} ms  LCP ${Math.round(r.lcpMs)} ms  ` +
        `TBT ${Math.round(r.tbtMs)} ms  CLS ${r.cls.toFixed(3)}  SI ${Math.round(r.speedIndexMs)} ms  ` +
        `${(r.totalBytes / 1024).toFixed(1)} KB  (load average before: ${before})`,
    );
    if (r.opportunities.length) console.log(`  opportunities: ${r.opportunities.join("; ")}`);
    if (details) {
      const ms = (n: number) => `${Math.round(n)} ms`;
      console.log(`  main thread: ${r.mainThread.map((g) => `${g.group} ${ms(g.ms)}`).join(", ")}`);
      for (const b of r.bootup) console.log(`  script ${ms(b.totalMs)} (evaluation ${ms(b.scriptingMs)})  ${b.url}`);
      for (const t of r.longTasks) console.log(`  long task at ${ms(t.startMs)}: ${ms(t.durationMs)}  ${t.url}`);
    }
    if (jsonPrefix) {
      const { writeFileSync } = await import("node:fs");
      writeFileSync(`${jsonPrefix}-${i}.json`, JSON.stringify(r.lhr));
    }
  }
}

if (process.argv[1] && /lighthouse\.ts$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
