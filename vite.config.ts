import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
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

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: 3000 },
  plugins: [
    tailwindcss(),
    // Vitest loads this file too; the Remix plugin is only for the app build and dev server,
    // and for tests that serve the whole app over HTTP (tests/support/http-app.ts).
    (!process.env.VITEST || process.env.FAIR_SERVE_APP === "1") && remixPlugin(),
    tsconfigPaths(),
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
