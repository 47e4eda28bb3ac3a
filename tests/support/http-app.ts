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
import { markAppRequest, observeRequests } from "../../server/observe-requests.mjs";
import { metricsOnAppPort } from "../../server/metrics-endpoint.mjs";
import { matcher } from "../../server/route-ids.mjs";
import { logger } from "~/observability/logger.server";
import { metrics } from "~/observability/metrics.server";
import { scrubPath } from "~/observability/redact";
import { requestContext } from "~/observability/request-context.server";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll } from "vitest";

export interface HttpApp {
  readonly baseUrl: string;
  /** The Remix build being served, e.g. to enumerate every route that has an action. */
  build(): Promise<ServerBuild>;
}

export interface HttpAppOptions {
  /** Serve /metrics on the app's port for this bearer token (as METRICS_TOKEN does). */
  metricsToken?: string;
}

export function withHttpApp(options: HttpAppOptions = {}): HttpApp {
  let vite: ViteDevServer | undefined;
  let matchRoute: ReturnType<typeof matcher> | undefined;
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
    // The same observation as server.mjs: request ids, one log line and one histogram sample per request.
    app.use(
      observeRequests({
        logger,
        requestContext,
        matchRoute: (path: string) => matchRoute?.(path) ?? { routeId: "unmatched", secrets: [] },
        histogram: metrics().httpDuration,
        scrubPath,
      }),
    );
    app.use(metricsOnAppPort({ token: options.metricsToken, registry: metrics().registry }));
    app.use(securityHeaders({ production: false }));
    app.use(onlyKnownWebhooks());
    app.use(rejectForeignOrigin());
    app.use(rejectControlCharacters());
    app.use(rejectMalformedBodies());
    app.use(vite.middlewares);
    const viteServer = vite;
    app.use(markAppRequest());
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
    const build = (await viteServer.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
    matchRoute = matcher(build.routes);
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
