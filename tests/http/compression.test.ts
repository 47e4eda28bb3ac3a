/**
 * server/compression.mjs: who compresses. "node" compresses in this process (brotli for browsers
 * that accept it, gzip otherwise); "off" leaves it to the proxy in front.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { compressionMiddleware } from "../../server/compression.mjs";

const page = `<!DOCTYPE html><html lang="zh-CN"><body>${"<li>云南普洱茶 · 357 克饼 · ¥128.00</li>".repeat(400)}</body></html>`;
const servers: http.Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

async function serve(setting: string): Promise<string> {
  const app = express();
  const compress = compressionMiddleware(setting);
  if (compress) app.use(compress);
  app.get("/", (_req, res) => {
    res.type("html").send(page);
  });
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function get(url: string, acceptEncoding: string): Promise<{ encoding?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "Accept-Encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("compression", () => {
  it('"node": brotli for a browser that takes it, gzip for one that does not, the same page either way', async () => {
    const url = await serve("node");
    const br = await get(url, "gzip, deflate, br");
    expect(br.encoding).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).toString("utf8")).toBe(page);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(page) / 10);

    const gzip = await get(url, "gzip");
    expect(gzip.encoding).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).toString("utf8")).toBe(page);
  });

  it('"off": the page leaves uncompressed, for the proxy in front to compress', async () => {
    const plain = await get(await serve("off"), "gzip, deflate, br");
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(page);
  });

  it("refuses a setting it does not know, naming it", () => {
    expect(() => compressionMiddleware("zstd")).toThrow(/COMPRESSION must be "node" or "off" \(got "zstd"\)/);
  });
});
