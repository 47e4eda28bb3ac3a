import type { AsyncLocalStorage } from "node:async_hooks";
import type { RequestHandler } from "express";
import type { Logger } from "pino";

export function observeRequests(options: {
  logger: Logger | (() => Logger);
  requestContext: AsyncLocalStorage<{ id: string; role: string }>;
  matchRoute: (pathname: string) => { routeId: string; secrets: string[] };
  histogram: { observe(labels: Record<string, string>, seconds: number): void };
  scrubPath: (path: string, secrets: string[]) => string;
}): RequestHandler;
export function markAppRequest(): RequestHandler;
