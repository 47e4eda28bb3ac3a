import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { metricsOnAppPort, startMetricsServer } from "../../server/metrics-endpoint.mjs";
import { countCheckout, metrics } from "~/observability/metrics.server";
import { parseEnv } from "~/utils/env.server";

const servers: { close(): void }[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function listening<T extends { address(): unknown; once(e: string, f: () => void): unknown }>(server: T) {
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("/metrics access", () => {
  it("serves the Prometheus text format on its own loopback port, and nothing else there", async () => {
    countCheckout("reserved");
    const server = startMetricsServer({ host: "127.0.0.1", port: 0, registry: metrics().registry });
    servers.push(server);
    const base = await listening(server);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toMatch(/^fair_checkout_outcomes_total\{outcome="reserved"\} [1-9]/m);
    expect((await fetch(`${base}/`)).status).toBe(404);
  });

  it("is a 404 on the public port without a configured token, whatever the request says", async () => {
    const app = express();
    app.use(metricsOnAppPort({ token: undefined, registry: metrics().registry }));
    app.use((_req, res) => res.status(200).send("the app"));
    const server = app.listen(0, "127.0.0.1");
    servers.push(server);
    const base = await listening(server);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: "Bearer undefined" } })).status).toBe(404);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it("refuses to bind the metrics port beyond loopback without a token", () => {
    expect(() => parseEnv({ NODE_ENV: "test", METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0" })).toThrow(/METRICS_TOKEN/);
    expect(parseEnv({ NODE_ENV: "test", METRICS_PORT: "9464" }).METRICS_HOST).toBe("127.0.0.1");
  });
});
