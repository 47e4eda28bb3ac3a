import { z } from "zod";

/**
 * The environment, checked once at boot. Development gets safe defaults with a warning;
 * production against a real PostgreSQL refuses to start without its secrets.
 */
const DEV_SESSION_SECRET = "dev-only-session-secret-change-me-0123456789";

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
});

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string };

export class ConfigError extends Error {}

/** Parses an environment; throws ConfigError with one readable line per problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
  }
  const env = result.data;
  const productionServer = env.NODE_ENV === "production" && env.DATABASE_URL !== undefined;
  if (!env.SESSION_SECRET) {
    if (productionServer) {
      throw new ConfigError(
        "SESSION_SECRET is required when NODE_ENV=production runs against DATABASE_URL: set it to a random string of 32+ characters.",
      );
    }
    if (env.NODE_ENV !== "test") {
      console.warn("warning: SESSION_SECRET is not set; using a development default (never do this in production).");
    }
  }
  if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
    // Half a Stripe configuration would take payments whose webhooks can never be verified.
    throw new ConfigError(
      "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together: set both to take payments through Stripe, or neither for test payments.",
    );
  }
  return { ...env, SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
