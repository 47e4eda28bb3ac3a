/**
 * A file under /assets is logged under its own path. The bench once printed
 * `"route":"static","path":"/ErrorReference-….js"` among the server's "errors": the request
 * logger read req.path after express.static (mounted on /assets) had stripped the prefix, and
 * the bench took any line with the word "error" in it (here, a file name) for an error.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { AsyncLocalStorage } from "node:async_hooks";
import express from "express";
import { describe, expect, it } from "vitest";
import { observeRequests } from "../../server/observe-requests.mjs";
import { looksLikeError } from "../../scripts/bench/processes";

describe("request log lines", () => {
  it("log a static file under /assets with its full path", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fair-assets-"));
    writeFileSync(path.join(dir, "ErrorReference-abc123.js"), "export{};");
    const lines: Record<string, unknown>[] = [];
    const logger = { info: (line: Record<string, unknown>) => lines.push(line), error: () => undefined };
    const app = express();
    app.use(
      observeRequests({
        logger: logger as never,
        requestContext: new AsyncLocalStorage(),
        matchRoute: () => ({ routeId: "app", secrets: [] }),
        histogram: { observe: () => undefined },
        scrubPath: (p: string) => p,
      }),
    );
    app.use("/assets", express.static(dir));
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/assets/ErrorReference-abc123.js`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines).toEqual([
        expect.objectContaining({ route: "static", path: "/assets/ErrorReference-abc123.js", status: 200 }),
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("count as the bench's server errors by their level, not by a file name", () => {
    const request = (path: string, status: number) =>
      JSON.stringify({ level: "info", route: "static", path, status, msg: "request" });
    expect(looksLikeError(request("/assets/ErrorReference-abc123.js", 200))).toBe(false);
    expect(looksLikeError(request("/assets/ErrorReference-abc123.js", 404))).toBe(true);
    expect(looksLikeError(JSON.stringify({ level: "error", msg: "request failed" }))).toBe(true);
    expect(looksLikeError(JSON.stringify({ level: "warn", msg: "draining: timed out" }))).toBe(true);
    expect(looksLikeError(JSON.stringify({ level: "warn", msg: "mail not sent" }))).toBe(false);
    expect(looksLikeError("TypeError: x is not a function")).toBe(true);
    expect(looksLikeError("    at run (file.js:1:2)")).toBe(false);
  });
});
