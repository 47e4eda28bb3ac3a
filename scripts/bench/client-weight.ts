/**
 * What a page makes the browser download before it is interactive: the HTML, the JavaScript it
 * loads (module preloads, scripts and the modules the inline bootstrap imports, and the dictionary
 * of the page's language that those modules load with `import()`) and its stylesheets, measured
 * raw and gzip-compressed (zlib level 6, what the server's compression middleware uses). The
 * JavaScript is the same list of files `npm run bench:weight` reads from the build.
 */
import { gzipSync } from "node:zlib";
import { BROWSER_HEADERS } from "./load";

export interface Weight {
  htmlRaw: number;
  htmlGzip: number;
  jsFiles: number;
  jsRaw: number;
  jsGzip: number;
  cssFiles: number;
  cssRaw: number;
  cssGzip: number;
  /** Of the JavaScript files, those the page's modules load with import() (the dictionary of its language). */
  jsImported: number;
  /** How the server itself sent the largest JavaScript file (content-encoding), for the record. */
  servedEncoding: string;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}=["']([^"']+)["']`, "i").exec(tag)?.[1];

/** The same-origin JavaScript and CSS a page's HTML asks for. */
export function assetsOf(html: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, "rel")?.toLowerCase();
    const href = attribute(tag, "href");
    if (!href?.startsWith("/") || href.startsWith("//")) continue;
    if (rel === "modulepreload") js.add(href);
    if (rel === "stylesheet") css.add(href);
  }
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attribute(`<script ${match[1]}>`, "src");
    if (src?.startsWith("/") && !src.startsWith("//")) js.add(src);
    // Remix's inline bootstrap: import "…"; import * as route0 from "…"; import("…")
    for (const imported of match[2]!.matchAll(/import\s*(?:[\w*{}\s,]+from\s*)?\(?\s*["'](\/[^"']+\.m?js)["']/g)) {
      js.add(imported[1]!);
    }
  }
  return { js: [...js], css: [...css] };
}

/** The page's language, from <html lang>: "en" for English, otherwise Chinese (the default). */
export function localeOf(html: string): "zh" | "en" {
  const lang = /<html\b[^>]*\slang=["']([^"']+)["']/i.exec(html)?.[1] ?? "";
  return /^en\b/i.test(lang) ? "en" : "zh";
}

/**
 * The dictionary chunks of `locale` a module loads with `import("./storefront.zh-….js")`
 * (app/utils/i18n-dictionaries.ts): an area module awaits its language's chunk before the page's
 * modules run, so a browser loads it with the page; the other language's only on a switch. Not
 * listed in the HTML (the module preloads) nor in Remix's manifest, so both weighers add them.
 * Returns the specifiers as written (relative to the importing module).
 */
export function dictionaryImports(source: string, locale: "zh" | "en"): string[] {
  const pattern = new RegExp(`import\\(\\s*["'](\\.\\/[\\w.()-]+\\.${locale}-[\\w-]+\\.js)["']\\s*\\)`, "g");
  return [...new Set([...source.matchAll(pattern)].map((m) => m[1]!))];
}

async function fetchBytes(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const response = await fetch(url, {
    headers: { ...BROWSER_HEADERS, ...headers },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

const gzip = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;

/** How the server sends a file when the browser accepts gzip (fetch would decode it, so ask raw). */
async function encodingOf(url: string): Promise<string> {
  const { request } = await import("node:http");
  return new Promise((resolve) => {
    const req = request(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
      res.resume();
      resolve(String(res.headers["content-encoding"] ?? "identity"));
    });
    req.on("error", () => resolve("?"));
    req.end();
  });
}

export async function weigh(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<Weight> {
  const html = await fetchBytes(`${baseUrl}${path}`, headers);
  const text = html.toString("utf8");
  const { js, css } = assetsOf(text);
  const locale = localeOf(text);
  // The HTML's modules, then what they import() of the page's language, resolved against the
  // importing module's URL as a browser does (./storefront.zh-….js next to /assets/app-….js).
  const jsFiles: Buffer[] = await Promise.all(js.map((href) => fetchBytes(`${baseUrl}${href}`)));
  let jsImported = 0;
  for (let i = 0; i < js.length; i++) {
    for (const specifier of dictionaryImports(jsFiles[i]!.toString("utf8"), locale)) {
      const href = new URL(specifier, `${baseUrl}${js[i]}`).pathname;
      if (js.includes(href)) continue;
      js.push(href);
      jsFiles.push(await fetchBytes(`${baseUrl}${href}`));
      jsImported++;
    }
  }
  const cssFiles = await Promise.all(css.map((href) => fetchBytes(`${baseUrl}${href}`)));
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const largest = js[jsFiles.reduce((best, file, i) => (file.length > (jsFiles[best]?.length ?? -1) ? i : best), 0)];
  return {
    htmlRaw: html.length,
    htmlGzip: gzip(html),
    jsFiles: js.length,
    jsRaw: sum(jsFiles.map((f) => f.length)),
    jsGzip: sum(jsFiles.map(gzip)),
    jsImported,
    cssFiles: css.length,
    cssRaw: sum(cssFiles.map((f) => f.length)),
    cssGzip: sum(cssFiles.map(gzip)),
    servedEncoding: largest ? await encodingOf(`${baseUrl}${largest}`) : "-",
  };
}
