import type { Server } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";

interface MetricsSource {
  contentType: string;
  metrics(): Promise<string> | string;
}
export function metricsOnAppPort(options: { token?: string; registry: MetricsSource }): RequestHandler;
export function startMetricsServer(options: {
  host: string;
  port: number;
  registry: MetricsSource;
  token?: string;
  logger?: Logger;
}): Server;
export function startClusterMetricsServer(options: { host: string; port: number; token?: string; logger?: Logger }): Server;
export function answerClusterMetrics(): unknown;
