// The benchmark's framework floor: a Remix 2.17 app with one page, no layout and no loader,
// built by `npm run bench` (remix vite:build scripts/bench/bare-remix) and served by server.mjs
// beside it. Same future flags as the app, so the two differ only in what the site adds.
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  build: { target: "es2022" },
});
