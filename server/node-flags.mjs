// The Node.js flags every production server process runs with. `npm start` passes them
// (package.json; node:cluster workers inherit them), scripts/start-cached.mjs and the benchmark's
// servers add them from here; tests/http/node-flags.test.ts keeps package.json in step.
//
// --max-semi-space-size=64 (MB): rendering a page allocates a few MB of short-lived objects (React
// elements, loader rows, turbo-stream and HTML strings), so with Node 20's 16 MB semi-spaces the
// young generation is scavenged every few pages and GC was ~10 % of a page's CPU profile
// (docs/benchmarks.md, eighth round). Four times the room means a quarter of the scavenges, each
// costing about what it did (its cost follows the objects still alive, not the space's size):
// +9-12 % req/s on the category page in a same-run A/B. The price is memory: the young generation
// (two semi-spaces) may grow to 128 MB per process under load instead of 32 MB.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];
