import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { storefrontMessages } from "~/i18n/areas/storefront";
import * as consoleMessages from "~/i18n/console";
import * as portalMessages from "~/i18n/portal";
import * as reportMessages from "~/i18n/reports";

// The storefront's client bundle never carries the portal's or the console's strings (issue 12):
// read the built browser chunks of every storefront route (and the root every page loads) and look
// for any message that only the console, the portal or the organisers' report says. Runs against
// the last `npm run build`; skipped when there is none.
const assets = path.resolve("build/client/assets");
const manifestFile = existsSync(assets) ? readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f)) : undefined;

interface RouteEntry {
  id: string;
  module: string;
  imports?: string[];
}

function storefrontChunks(): string[] {
  const text = readFileSync(path.join(assets, manifestFile!), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
    entry: { module: string; imports: string[] };
    routes: Record<string, RouteEntry>;
  };
  const routes = Object.values(manifest.routes).filter((r) => r.id === "root" || r.id.startsWith("routes/($lang)"));
  expect(routes.length).toBeGreaterThan(10);
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (const r of routes) for (const f of [r.module, ...(r.imports ?? [])]) files.add(f);
  return [...files];
}

function consoleOnlyStrings(): string[] {
  const storefront = new Set<string>(
    [...Object.values(storefrontMessages.zh), ...Object.values(storefrontMessages.en)].flatMap((m) =>
      typeof m === "string" ? [m] : [m.one, m.other],
    ),
  );
  return [consoleMessages, portalMessages, reportMessages]
    .flatMap((m) => [...Object.values(m.zh), ...Object.values(m.en)])
    .flatMap((m) => (typeof m === "string" ? [m] : [m.one, m.other]))
    .filter((m) => m.length >= 8 && !storefront.has(m));
}

describe.skipIf(!manifestFile)("the storefront's client bundle", () => {
  it("carries no console, portal or report string", () => {
    const strings = consoleOnlyStrings();
    expect(strings.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const file of storefrontChunks()) {
      const code = readFileSync(path.join("build/client", file), "utf8");
      for (const s of strings) if (code.includes(JSON.stringify(s).slice(1, -1))) leaks.push(`${file}: ${s}`);
    }
    expect(leaks.slice(0, 5)).toEqual([]);
  });
});
