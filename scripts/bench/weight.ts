/**
 * `npm run bench:weight`: the JavaScript each storefront page makes a browser download, read from
 * the production build (no server, no database): Remix's manifest says which chunks a route
 * preloads (the entry, the root route and the page's route, with their imports), and each is
 * gzip-compressed at level 6 (what the compression middleware and Varnish's gzip send). The
 * product page is listed file by file against issue 12's target (≤ 100 KB gzip).
 *
 *   npm run build && npm run bench:weight            # or: npm run bench:weight -- --build
 *
 * `npm run bench` counts the same files from a running server: the served HTML, and the dictionary
 * the page's modules import() (scripts/bench/client-weight.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { dictionaryImports } from "./client-weight";
import { build } from "./stage";

export const PRODUCT_JS_TARGET_KB = 100;

interface RemixManifest {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>;
}

export function readManifest(clientDir = "build/client"): { manifest: RemixManifest; file: string } {
  const assets = path.join(clientDir, "assets");
  const file = readdirSync(assets).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!file) throw new Error(`no Remix manifest in ${assets}: run npm run build first`);
  const source = readFileSync(path.join(assets, file), "utf8");
  const json = source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1);
  return { manifest: JSON.parse(json) as RemixManifest, file: `/assets/${file}` };
}

/**
 * The modules a document request for this route loads: the entry and each route up the tree, with
 * their imports. Not the manifest file: with `v3_lazyRouteDiscovery` (vite.config.ts) the page's
 * inline bootstrap carries the manifest of the routes it matched and imports no manifest-*.js (the
 * served HTML and Lighthouse's network log agree; `--from=URL` checks a running server).
 * `manifestFile` is kept for a build without lazy discovery: pass it to count it.
 */
export function modulesOf(manifest: RemixManifest, manifestFile: string | null, routeId: string): string[] {
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  if (manifestFile) files.add(manifestFile);
  const chain: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) chain.unshift(id);
  for (const id of chain) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`no route ${id} in the manifest`);
    files.add(route.module);
    for (const imported of route.imports ?? []) files.add(imported);
  }
  return [...files];
}

/**
 * With them, the dictionary chunks a page in `locale` loads before it runs: the area modules
 * import their language with `import("./storefront.zh-….js")` (app/utils/i18n-dictionaries.ts),
 * so the manifest does not list them, nor does the page's HTML. `npm run bench` follows the same
 * imports from the served files (client-weight.ts, dictionaryImports), so both count the same files.
 */
export function withDictionaries(files: string[], locale: "zh" | "en", clientDir = "build/client"): string[] {
  const all = [...new Set(files)];
  for (let i = 0; i < all.length; i++)
    for (const specifier of dictionaryImports(readFileSync(path.join(clientDir, all[i]!), "utf8"), locale)) {
      const file = path.posix.join(path.posix.dirname(all[i]!), specifier);
      if (!all.includes(file)) all.push(file);
    }
  return all;
}

export interface FileWeight {
  file: string;
  raw: number;
  gzip: number;
}

export function weighFiles(files: string[], clientDir = "build/client"): FileWeight[] {
  return files.map((file) => {
    const bytes = readFileSync(path.join(clientDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
  });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main() {
  if (process.argv.includes("--build")) build();
  const { manifest } = readManifest();
  const pages: [string, string][] = [
    ["home", "routes/($lang)._index"],
    ["category", "routes/($lang).categories.$slug"],
    ["product", "routes/($lang).products.$slug"],
    ["search", "routes/($lang).search"],
    ["cart", "routes/($lang).cart"],
    ["checkout", "routes/($lang).checkout"],
    ["fixed Remix route", "routes/bench.fixed"],
  ];
  console.log("page               JS files  JS KB  JS gz KB");
  console.log("-----------------  --------  -----  --------");
  for (const [name, id] of pages) {
    if (!manifest.routes[id]) continue;
    const weights = weighFiles(withDictionaries(modulesOf(manifest, null, id), "zh"));
    const raw = weights.reduce((a, w) => a + w.raw, 0);
    const gz = weights.reduce((a, w) => a + w.gzip, 0);
    console.log(
      `${name.padEnd(17)}  ${String(weights.length).padStart(8)}  ${kb(raw).padStart(5)}  ${kb(gz).padStart(8)}`,
    );
  }
  const productModules = modulesOf(manifest, null, "routes/($lang).products.$slug");
  const english = weighFiles(withDictionaries(productModules, "en")).reduce((a, w) => a + w.gzip, 0);
  const product = weighFiles(withDictionaries(productModules, "zh")).sort((a, b) => b.gzip - a.gzip);
  const total = product.reduce((a, w) => a + w.gzip, 0);
  console.log(
    `\nproduct page (Chinese; the English page's dictionary instead: ${kb(english)} KB), file by file (gzip level 6):`,
  );
  for (const w of product) console.log(`  ${kb(w.gzip).padStart(6)} KB gz  ${kb(w.raw).padStart(6)} KB  ${w.file}`);
  const pass = total / 1024 <= PRODUCT_JS_TARGET_KB;
  console.log(
    `\nproduct page JavaScript: ${kb(total)} KB gzip in ${product.length} files (target ≤ ${PRODUCT_JS_TARGET_KB} KB): ${pass ? "PASS" : "MISS"}`,
  );
}

/** `--from=http://127.0.0.1:PORT/products/x`: the same figure as `npm run bench` takes it, from a running server (client-weight.ts). */
async function fromServer(url: string) {
  const { weigh } = await import("./client-weight");
  const { origin, pathname } = new URL(url);
  const w = await weigh(origin, pathname);
  console.log(
    `\nserved ${pathname}: ${w.jsFiles} JavaScript files (${w.jsImported} of them loaded with import()), ` +
      `${kb(w.jsGzip)} KB gzip; HTML ${kb(w.htmlGzip)} KB gzip`,
  );
}

if (process.argv[1] && /weight\.ts$/.test(process.argv[1])) {
  const from = process.argv.find((a) => a.startsWith("--from="))?.slice("--from=".length);
  main()
    .then(() => (from ? fromServer(from) : undefined))
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
