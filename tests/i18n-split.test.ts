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
  // And what they import on demand: the dictionary of each language (app/utils/i18n-dictionaries.ts)
  // is a chunk the manifest does not list.
  for (const file of files)
    for (const [, chunk] of readFileSync(path.join("build/client", file), "utf8").matchAll(DYNAMIC_IMPORT))
      files.add(`/assets/${chunk}`);
  return [...files];
}

const DYNAMIC_IMPORT = /import\(\s*["']\.\/([\w.()-]+\.js)["']\s*\)/g;

function consoleOnlyStrings(): string[] {
  const storefront = new Set<string>(
    [...Object.values(storefrontMessages.zh), ...Object.values(storefrontMessages.en)].flatMap((m) =>
      typeof m === "string" ? [m] : [m.one, m.other],
    ),
  );
  return (
    [consoleMessages, portalMessages, reportMessages]
      .flatMap((m) => [...Object.values(m.zh), ...Object.values(m.en)])
      .flatMap((m) => (typeof m === "string" ? [m] : [m.one, m.other]))
      // Only whole messages no storefront message contains ("Organisation" is inside "Assisting organisations").
      // Chinese messages (English words such as "Status" occur in any library), and only those no
      // storefront message contains.
      .filter((m) => /\p{Script=Han}{4}/u.test(m) && ![...storefront].some((own) => own.includes(m)))
  );
}

describe.skipIf(!manifestFile)("the storefront's client bundle", () => {
  it("carries no console, portal or report string", () => {
    const strings = consoleOnlyStrings();
    expect(strings.length).toBeGreaterThan(100);
    expect(strings).toContain("组织方控制台");
    const leaks: string[] = [];
    for (const file of storefrontChunks()) {
      const code = readFileSync(path.join("build/client", file), "utf8");
      for (const s of strings) if (code.includes(JSON.stringify(s).slice(1, -1))) leaks.push(`${file}: ${s}`);
    }
    expect(leaks.slice(0, 5)).toEqual([]);
  });

  it("is checked by a search that does find the console's strings where they belong", () => {
    const storefront = new Set(storefrontChunks().map((f) => path.basename(f)));
    const elsewhere = readdirSync(assets).filter(
      (f) =>
        f.endsWith(".js") && !storefront.has(f) && readFileSync(path.join(assets, f), "utf8").includes("组织方控制台"),
    );
    expect(elsewhere.length).toBeGreaterThan(0);
  });
});
