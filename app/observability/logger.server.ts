import pino, { type DestinationStream, type Logger } from "pino";
import { env, type Env } from "~/utils/env.server";
import { currentRequest } from "./request-context.server";
import { scrubText, scrubValue } from "./redact";

/**
 * The server's one logger: JSON lines on stdout (pretty in development), every line of a request
 * carrying its request id, and everything scrubbed of personal data and secrets (./redact.ts).
 */
export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
  destination?: DestinationStream;
}

function errorSerializer(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  return scrubValue(serialized);
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const config: pino.LoggerOptions = {
    level: options.level ?? "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => scrubValue(object) as Record<string, unknown>,
    },
    serializers: { err: errorSerializer, error: errorSerializer },
    mixin() {
      const request = currentRequest();
      return request ? { requestId: request.id } : {};
    },
    hooks: {
      // Messages are scrubbed like fields: "mail to someone@example.com" must not reach the log.
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
  if (options.destination) return pino(config, options.destination);
  if (options.pretty) return pino({ ...config, transport: { target: "pino-pretty", options: { colorize: true } } });
  return pino(config);
}

// On globalThis so the server outside the build, the app's modules and the tests share one logger.
const holder = globalThis as typeof globalThis & { __fairLogger?: Logger };

function defaultLogger(): Logger {
  let settings: Pick<Env, "NODE_ENV" | "LOG_LEVEL" | "LOG_FORMAT">;
  try {
    settings = env();
  } catch {
    // A configuration error is itself logged (server.mjs says what is wrong) with the defaults.
    settings = { NODE_ENV: "production", LOG_LEVEL: undefined, LOG_FORMAT: undefined };
  }
  return createLogger({
    level: settings.LOG_LEVEL ?? (settings.NODE_ENV === "test" ? "warn" : "info"),
    pretty: settings.NODE_ENV === "development" && settings.LOG_FORMAT !== "json",
  });
}

/** The process's logger, made on first use. */
export function logger(): Logger {
  holder.__fairLogger ??= defaultLogger();
  return holder.__fairLogger;
}

/** Tests capture what the server logs by installing a logger of their own. */
export function installLogger(next: Logger | undefined): void {
  holder.__fairLogger = next;
}
