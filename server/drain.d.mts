import type { Server } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "pino";

export interface GracefulShutdown {
  middleware: RequestHandler;
  attach(server: Server): GracefulShutdown;
  drain(signal: string): Promise<void>;
  inFlight(): number;
}
export function gracefulShutdown(options: {
  phase: () => string;
  startDraining: () => void;
  timeoutMs: number;
  logger: () => Logger;
  exit?: (code: number) => void;
}): GracefulShutdown;
