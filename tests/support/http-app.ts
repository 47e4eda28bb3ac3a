/**
 * Serves the real app (every route, loader and action, through Remix's request handler) over
 * HTTP on a loopback port, from the sources via Vite, against the test file's database.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import {
  guardFormBodies,
  onlyKnownWebhooks,
  rejectControlCharacters,
  rejectForeignOrigin,
  rejectMalformedBodies,
  securityHeaders,
} from "../../server/http-security.mjs";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll } from "vitest";

export interface HttpApp {
  readonly baseUrl: string;
  /** The Remix build being served, e.g. to enumerate every route that has an action. */
  build(): Promise<ServerBuild>;
}

export function withHttpApp(): HttpApp {
  let vite: ViteDevServer | undefined;
  let server: Server | undefined;
  let baseUrl = "";
  beforeAll(async () => {
    process.env.FAIR_SERVE_APP = "1";
    vite = await createServer({
      configFile: "vite.config.ts",
      logLevel: "error",
      appType: "custom",
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    });
    const app = express();
    app.use(securityHeaders({ production: false }));
    app.use(onlyKnownWebhooks());
    app.use(rejectForeignOrigin());
    app.use(rejectControlCharacters());
    app.use(rejectMalformedBodies());
    app.use(vite.middlewares);
    const viteServer = vite;
    app.all(
      "*",
      createRequestHandler({
        build: async () =>
          guardFormBodies((await viteServer.ssrLoadModule("virtual:remix/server-build")) as ServerBuild),
        getLoadContext: (req, res) => ({ clientAddress: req.ip ?? "unknown", cspNonce: res.locals.cspNonce as string }),
      }),
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The first request compiles the routes; do it once before the tests time anything.
    await fetch(`${baseUrl}/healthz`);
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await vite?.close();
  });
  return {
    get baseUrl() {
      return baseUrl;
    },
    build: async () => (await vite!.ssrLoadModule("virtual:remix/server-build")) as ServerBuild,
  };
}

/** A buyer with their own cookie jar, like a separate phone. */
export class Buyer {
  private cookies = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
    return response;
  }

  post(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  }
}
