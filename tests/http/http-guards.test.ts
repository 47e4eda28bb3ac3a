/**
 * The Express guards in front of Remix (server/http-security.mjs), each on a bare app whose only
 * route answers 200: what reaches the route is exactly what the guards let through.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { onlyKnownWebhooks, rejectForeignOrigin } from "../../server/http-security.mjs";

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

async function serve(configure: (app: express.Express) => void): Promise<string> {
  const app = express();
  configure(app);
  app.all("*", (_req, res) => {
    res.send("reached the app");
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    body: "a=1",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });

describe("the Origin check's exemption", () => {
  it("covers exactly /webhooks/stripe; every other /webhooks path is 404 and never reaches the app", async () => {
    const base = await serve((app) => {
      app.use(onlyKnownWebhooks());
      app.use(rejectForeignOrigin({ trustProxy: false }));
    });
    const foreign = { Origin: "https://evil.example" };
    expect((await post(`${base}/webhooks/stripe`, foreign)).status).toBe(200);
    for (const path of [
      "/webhooks/cart",
      "/webhooks/login/code",
      "/webhooks/",
      "/webhooks",
      "/webhooks/stripe/",
      "/webhooks/stripe%2F..%2F..%2Fcart",
      "/webhooks/stripex",
      "/WEBHOOKS/cart",
      "/Webhooks/Stripe",
    ]) {
      const response = await post(`${base}${path}`, foreign);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain("reached the app");
      expect((await fetch(`${base}${path}`)).status, `GET ${path}`).toBe(404);
    }
    // Paths merely starting with the webhook's name get no exemption either.
    expect((await post(`${base}/webhooks-stripe`, foreign)).status).toBe(403);
    expect((await post(`${base}/cart`, foreign)).status).toBe(403);
  });
});

describe("forwarded headers", () => {
  const forged = {
    Origin: "https://evil.example",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "https",
  };

  it("are ignored without TRUST_PROXY: a forged X-Forwarded-Host cannot make a foreign origin look like ours", async () => {
    const saved = process.env.TRUST_PROXY;
    delete process.env.TRUST_PROXY;
    try {
      const base = await serve((app) => app.use(rejectForeignOrigin()));
      expect((await post(`${base}/cart`, forged)).status).toBe(403);
      expect((await post(`${base}/cart`, { Origin: base })).status).toBe(200);
    } finally {
      if (saved !== undefined) process.env.TRUST_PROXY = saved;
    }
  });

  it("count behind a proxy we were told to trust", async () => {
    const base = await serve((app) => {
      app.set("trust proxy", "loopback");
      app.use(rejectForeignOrigin({ trustProxy: true }));
    });
    expect((await post(`${base}/cart`, forged)).status).toBe(200);
    expect((await post(`${base}/cart`, { ...forged, Origin: "https://other.example" })).status).toBe(403);
  });
});
