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
  // Brotli at quality 4 with a 256 KB window: the default reserves a 4 MB window per response,
  // which halved the throughput of small pages in the benchmark (docs/benchmarks.md).
  return compression({
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } },
  });
}
