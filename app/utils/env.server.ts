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

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: postgresUrl.optional().or(z.literal("").transform(() => undefined)),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PUBLIC_BASE_URL: z.url().default("http://localhost:3000"),
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
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
  return { ...env, SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
