import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { logger } from "~/observability/logger.server";

/**
 * The environment, checked once at boot. The embedded default makes its own session secret;
 * development against a server gets a default with a warning; production against a real
 * PostgreSQL refuses to start without its secrets.
 */
const DEV_SESSION_SECRET = "dev-only-session-secret-change-me-0123456789";

/** Where the embedded database keeps its session secret: a file beside its data folder. */
export const sessionSecretPath = (dataDir: string) =>
  path.join(path.dirname(path.resolve(dataDir)), `${path.basename(path.resolve(dataDir))}.session-secret`);

/**
 * The embedded install's own session secret: random, made on first start and kept (mode 0600)
 * beside the database it belongs to, so sign-ins survive a restart and no two installs share a
 * secret. (Written with the exclusive flag: two processes starting at once read the same one.)
 */
export function embeddedSessionSecret(dataDir: string): string {
  const file = sessionSecretPath(dataDir);
  const read = () => {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length < 32)
      throw new ConfigError(`${file} holds no usable session secret: delete it to make a new one.`);
    return secret;
  };
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600); // the mode above is filtered by the umask; the file is for this user alone
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return read();
}

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must look like postgresql://user:password@host:5432/database");

/** Unset and empty both mean "not configured" (an env file often leaves `KEY=` blank). */
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: postgresUrl.optional().or(z.literal("").transform(() => undefined)),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PUBLIC_BASE_URL: z.url().default("http://localhost:3000"),
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  // Stripe is used for payments when both secrets are set; without them the embedded test provider is.
  STRIPE_SECRET_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_test_… or sk_live_…)")
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: optionalString.pipe(
    z.string().startsWith("whsec_", "must be the endpoint's signing secret (whsec_…)").optional(),
  ),
  /** Lets the embedded test provider run in production on a real database (a rehearsal, never the fair). */
  ALLOW_TEST_PAYMENTS: z
    .enum(["true", "false", ""])
    .default("false")
    .transform((value) => value === "true"),
  // Where the Stripe SDK sends its requests; only tests (a fake on loopback) change these.
  STRIPE_API_HOST: optionalString,
  STRIPE_API_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).max(65535).optional()),
  STRIPE_API_PROTOCOL: optionalString.pipe(z.enum(["http", "https"]).optional()),
  // Account mail (password resets, invitations): through this SMTP server, or to the log when unset.
  SMTP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  MAIL_FROM: optionalString.transform((value) => value ?? "fair@localhost"),
  /** "off" turns the per-address rate limits off (load tests and test suites that send many requests from one address). */
  RATE_LIMITS: optionalString.pipe(z.enum(["on", "off"]).default("on")),
  /** "1" serves the benchmark's baseline route (/bench/fixed); 404 otherwise. */
  BENCH_ROUTES: optionalString.pipe(z.enum(["0", "1"]).default("0")).transform((value) => value === "1"),
  /**
   * Behind a load balancer: Express's "trust proxy", a hop count ("1") or an address list
   * ("loopback"), so the client address is the buyer's rather than the balancer's.
   */
  TRUST_PROXY: optionalString.transform((value) =>
    value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value,
  ),
  // Observability (README "Watching the fair"). Log level; JSON lines everywhere unless development asks for pretty.
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  /** /metrics on its own port, bound to METRICS_HOST (loopback unless a token guards it). */
  METRICS_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).max(65535).optional()),
  METRICS_HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** /metrics on the public port too, for `Authorization: Bearer <token>` only (404 otherwise). */
  METRICS_TOKEN: optionalString.pipe(z.string().min(24, "must be at least 24 characters").optional()),
  /**
   * How many descriptors of the listening socket accept connections (server/accept-many.mjs):
   * Node 20 accepts one connection per descriptor per event-loop turn. 1 turns the copies off.
   */
  ACCEPT_LISTENERS: z.coerce.number().int().min(1).max(256).default(64),
  /** How long a stopping server waits for requests in flight before it exits anyway. */
  DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** How often the fair wall (/live) reads the report rollups, shared by every open screen. */
  LIVE_TICK_MS: z.coerce.number().int().min(500).max(60_000).default(2_000),
  /** "off" behind a proxy that compresses (config/varnish); "node" compresses in this process (ADR 009). */
  COMPRESSION: optionalString.pipe(z.enum(["node", "off"]).default("node")),
  /** The cache nodes to purge after a catalogue write: comma-separated PURGE URLs (unset: no cache in front). */
  CACHE_PURGE_URL: optionalString.transform((value) =>
    (value ?? "")
      .split(",")
      .map((url) => url.trim())
      .filter(Boolean),
  ),
  /** How often the server releases the stock of checkouts that were never paid. */
  RESERVATION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  // The database plan (db-capacity.server.ts): server processes, the site's connection budget, one pool's size.
  WEB_CONCURRENCY: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).optional()),
  DATABASE_CONNECTIONS: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).optional()),
  DATABASE_POOL_SIZE: optionalString.pipe(z.coerce.number<string | undefined>().int().min(1).optional()),
  /** How many days a unit's bank-transfer order holds its stock before it expires (organisers may release or extend it). */
  UNIT_TRANSFER_HOLD_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  /** The fair's receiving account for units' bank transfers (对公转账), shown on unit order pages. */
  FAIR_BANK_ACCOUNT_NAME: optionalString,
  FAIR_BANK_NAME: optionalString,
  FAIR_BANK_ACCOUNT_NUMBER: optionalString,
});

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string; warnings: string[] };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export class ConfigError extends Error {}

/** Parses an environment; throws ConfigError with one readable line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
  }
  const env = result.data;
  const warnings: string[] = [];
  if (env.METRICS_PORT !== undefined && !LOOPBACK.test(env.METRICS_HOST) && !env.METRICS_TOKEN) {
    // Metrics name routes, volumes and failures: never on an open interface without a token.
    throw new ConfigError(
      "METRICS_HOST is not a loopback address: set METRICS_TOKEN too, or bind the metrics port to 127.0.0.1.",
    );
  }
  const productionServer = env.NODE_ENV === "production" && env.DATABASE_URL !== undefined;
  let sessionSecret = env.SESSION_SECRET;
  if (!sessionSecret) {
    if (productionServer) {
      throw new ConfigError(
        "SESSION_SECRET is required when NODE_ENV=production runs against DATABASE_URL: set it to a random string of 32+ characters.",
      );
    }
    // Tests: one random secret per process, kept in the process environment so that every copy of
    // this module (the test's own and the app's, loaded again by Vite) signs with the same one.
    if (env.NODE_ENV === "test") sessionSecret = process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");
    else if (env.DATABASE_URL === undefined) sessionSecret = embeddedSessionSecret(env.PGLITE_DATA_DIR);
    else {
      // Several development servers on one PostgreSQL must agree on a secret; set one for anything real.
      warnings.push("SESSION_SECRET is not set; using a development default (never do this in production).");
      sessionSecret = DEV_SESSION_SECRET;
    }
  }
  if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
    // Half a Stripe configuration would take payments whose webhooks can never be verified.
    throw new ConfigError(
      "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together: set both to take payments through Stripe, or neither for test payments.",
    );
  }
  return { ...env, SESSION_SECRET: sessionSecret, warnings };
}

/**
 * One setting read now, through its own schema, rather than from the copy parsed at boot: for a
 * setting a long-running process may be handed later (the Varnish drill gives its test process
 * CACHE_PURGE_URL once the cache is up).
 */
export function liveSetting<K extends keyof typeof EnvSchema.shape>(key: K): z.output<(typeof EnvSchema.shape)[K]> {
  const parsed = EnvSchema.shape[key].safeParse(process.env[key]);
  if (!parsed.success) throw new ConfigError(`Invalid configuration: ${key} ${parsed.error.issues[0]?.message}`);
  return parsed.data as z.output<(typeof EnvSchema.shape)[K]>;
}

let cached: Env | undefined;
let warned = false;
/** The process's configuration, parsed once; its warnings go to the log once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  if (!warned) {
    warned = true;
    for (const warning of cached.warnings) logger().warn(warning);
  }
  return cached;
}
