// Who compresses responses: this process ("node", the default, for a server facing browsers
// directly) or the proxy in front ("off": Varnish gzips once per cached object, and Node spends
// nothing per response). docs/decisions/009-catalogue-queries.md has the measurements.
import compression from "compression";
import zlib from "node:zlib";

/** @param {string | undefined} setting the COMPRESSION environment variable */
export function compressionMiddleware(setting) {
  const mode = (setting ?? "node").trim().toLowerCase();
  if (mode === "off" || mode === "proxy") return null;
  if (mode !== "node") throw new Error(`COMPRESSION must be "node" or "off" (got "${setting}")`);
  // Brotli at quality 3 with a 256 KB window: the default reserves a 4 MB window per response,
  // which halved the throughput of small pages in the benchmark; quality 4 switches brotli to a
  // costlier match finder, 3.4x the CPU of quality 3 for 7 % fewer bytes (home page 1.42 ms ->
  // 0.42 ms, 11.0 -> 11.8 KB; docs/benchmarks.md, eighth round).
  return compression({
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } },
  });
}
