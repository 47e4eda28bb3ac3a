import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

function remixPlugin() {
  return remix({
    // Routes are listed by app/routes.ts (v3_routeConfig).
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_singleFetch: true,
      v3_lazyRouteDiscovery: true,
      v3_routeConfig: true,
    },
  });
}

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * How the browser build is cut into files (issue 12: product page ≤ 100 KB gzip; docs/client-weight.md).
 * Left to itself Rollup made one file per set of routes sharing a module: 20 files for the product
 * page, 14 of them under 1.5 KB, each compressed alone (gzip learns nothing from the file before)
 * and each with its import and export lists. Two groups instead:
 *
 * - "app": what every page loads anyway, because the root route or the entry imports it (the
 *   shared and storefront dictionaries' code, the error reference), with the few-hundred-byte
 *   helpers most storefront pages use. Rollup adds the modules they import that no other group
 *   claims, which are React, ReactDOM and Remix: so this is the framework's file too. Anything
 *   listed here is downloaded by every page, console and portal included: list only small modules
 *   whose imports every page already loads.
 * - "browse": the catalogue pages' shared pieces (product cards, breadcrumbs, partners, meta tags).
 *
 * Paths are relative to this folder. A module imported with a query (the dictionaries'
 * `?locale=zh` message modules) is never grouped: it belongs in its language's chunk.
 */
const CHUNK_GROUPS: Record<string, string[]> = {
  app: [
    "app/utils/i18n.ts",
    "app/utils/i18n-dictionaries.ts",
    "app/utils/use-locale.ts",
    "app/i18n/areas/shared.ts",
    "app/i18n/areas/storefront.ts",
    "app/components/ErrorReference.tsx",
    "app/observability/request-id.ts",
    "app/utils/money.ts",
    "app/utils/shanghai-time.ts",
    "app/catalog/stock.ts",
    "app/utils/limits.ts",
    "app/utils/use-hydrated.ts",
  ],
  browse: [
    "app/utils/seo.ts",
    "app/components/browse/format.ts",
    "app/components/ProductCard.tsx",
    "app/components/browse/Breadcrumbs.tsx",
    "app/components/browse/PartnersSection.tsx",
    "app/components/browse/PartnerList.tsx",
  ],
};
const GROUP_OF = new Map(
  Object.entries(CHUNK_GROUPS).flatMap(([group, files]) => files.map((file) => [path.join(ROOT, file), group])),
);
const PRELOAD_HELPER = "\0vite/preload-helper.js";

function manualChunks(id: string): string | undefined {
  if (id === PRELOAD_HELPER) return "app";
  return GROUP_OF.get(id);
}

/**
 * Vite wraps each `import("./x")` of the browser build in `__vitePreload(() => import("./x"), deps)`,
 * a 1 KB helper that adds <link rel="modulepreload"> for the imported chunk's own imports and
 * stylesheets. The browser build's only `import()`s are the dictionaries' (app/utils/i18n-dictionaries.ts),
 * chunks of plain data that import nothing, so `deps` is always empty and the helper only calls
 * through. It becomes that call (0.4 KB gzip less on every page), and the build fails if a
 * dynamically imported chunk ever has dependencies the helper would have preloaded.
 */
function directDynamicImports(): Plugin {
  return {
    name: "fair:direct-dynamic-imports",
    apply: "build",
    enforce: "pre",
    load(id, options) {
      if (id !== PRELOAD_HELPER || options?.ssr) return null;
      return { code: "export const __vitePreload = (load) => load();", moduleSideEffects: false };
    },
    generateBundle(_, bundle) {
      if (this.environment?.config.consumer === "server") return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        for (const file of chunk.dynamicImports) {
          const target = bundle[file];
          if (target?.type !== "chunk") continue;
          const css = target.viteMetadata?.importedCss.size ?? 0;
          if (target.imports.length > 0 || css > 0)
            this.error(
              `${chunk.fileName} loads ${file} with import(), and ${file} imports ${[...target.imports, ...(target.viteMetadata?.importedCss ?? [])].join(", ")}: ` +
                "the preload helper of vite.config.ts (directDynamicImports) would not preload them; give it Vite's helper back",
            );
        }
      }
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: 3000 },
  plugins: [
    tailwindcss(),
    // Vitest loads this file too; the Remix plugin is only for the app build and dev server,
    // and for tests that serve the whole app over HTTP (tests/support/http-app.ts).
    (!process.env.VITEST || process.env.FAIR_SERVE_APP === "1") && remixPlugin(),
    tsconfigPaths(),
    directDynamicImports(),
  ],
  build: {
    target: "es2022",
    // The browser's bundles through terser (two compress passes, top-level names mangled in the
    // ES modules): 3–4 KB less gzip JavaScript on every page than esbuild's minifier, most of it
    // in the React and Remix chunk (issue 12: product page ≤ 100 KB; `npm run bench:weight`).
    // The server build stays unminified, for readable stack traces.
    ...(isSsrBuild
      ? {}
      : {
          rollupOptions: { output: { manualChunks } },
          minify: "terser" as const,
          terserOptions: {
            module: true,
            compress: { passes: 2 },
            mangle: { toplevel: true },
            format: { comments: false },
          },
        }),
  },
}));
