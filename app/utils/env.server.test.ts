import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, sessionSecretPath } from "./env.server";

const scratch = () => mkdtempSync(path.join(tmpdir(), "fair-env-"));

describe("environment", () => {
  it("gives a fresh clone working defaults: embedded database, port 3000", () => {
    const env = parseEnv({ NODE_ENV: "test" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.PORT).toBe(3000);
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("rejects a malformed DATABASE_URL with one line that says how to fix it", () => {
    for (const DATABASE_URL of ["not a url", "mysql://root@localhost/db", "postgres://"]) {
      expect(() => parseEnv({ NODE_ENV: "test", DATABASE_URL })).toThrow(ConfigError);
    }
    expect(() => parseEnv({ DATABASE_URL: "localhost:5432" })).toThrow(/DATABASE_URL must look like postgresql:\/\//);
  });

  it("refuses production on a real database without a session secret, but allows the embedded demo", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@db:5432/fair" })).toThrow(
      /SESSION_SECRET is required/,
    );
    expect(
      parseEnv({ NODE_ENV: "production", PGLITE_DATA_DIR: path.join(scratch(), "db") }).SESSION_SECRET,
    ).toBeTruthy();
    const secret = "s".repeat(40);
    expect(
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@db:5432/fair", SESSION_SECRET: secret })
        .SESSION_SECRET,
    ).toBe(secret);
  });
});

describe("every setting the servers read", () => {
  it("checks compression, cache purge, the reservation sweep and the database plan through the schema", () => {
    const defaults = parseEnv({ NODE_ENV: "test" });
    expect(defaults).toMatchObject({ COMPRESSION: "node", CACHE_PURGE_URL: [], RESERVATION_SWEEP_SECONDS: 60 });
    expect(defaults.WEB_CONCURRENCY).toBeUndefined();
    const set = parseEnv({
      NODE_ENV: "test",
      COMPRESSION: "off",
      CACHE_PURGE_URL: "http://10.0.0.5:8080/, http://10.0.0.6:8080/",
      RESERVATION_SWEEP_SECONDS: "5",
      WEB_CONCURRENCY: "4",
      DATABASE_CONNECTIONS: "40",
    });
    expect(set).toMatchObject({
      COMPRESSION: "off",
      CACHE_PURGE_URL: ["http://10.0.0.5:8080/", "http://10.0.0.6:8080/"],
      RESERVATION_SWEEP_SECONDS: 5,
      WEB_CONCURRENCY: 4,
      DATABASE_CONNECTIONS: 40,
    });
    for (const bad of [{ COMPRESSION: "gzip" }, { RESERVATION_SWEEP_SECONDS: "soon" }, { WEB_CONCURRENCY: "0" }]) {
      expect(() => parseEnv({ NODE_ENV: "test", ...bad })).toThrow(new RegExp(Object.keys(bad)[0]!));
    }
  });
});

describe("the embedded install's session secret", () => {
  it("is random per install, made on first start, kept beside the database for this user alone, and reused", () => {
    const dataDir = path.join(scratch(), "pglite");
    const first = parseEnv({ NODE_ENV: "production", PGLITE_DATA_DIR: dataDir }).SESSION_SECRET;
    expect(first).not.toBe("dev-only-session-secret-change-me-0123456789");
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = sessionSecretPath(dataDir);
    expect(path.dirname(file)).toBe(path.dirname(dataDir));
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // A restart signs with the same secret, so sign-ins survive it; another install has its own.
    expect(parseEnv({ NODE_ENV: "development", PGLITE_DATA_DIR: dataDir }).SESSION_SECRET).toBe(first);
    expect(
      parseEnv({ NODE_ENV: "production", PGLITE_DATA_DIR: path.join(scratch(), "pglite") }).SESSION_SECRET,
    ).not.toBe(first);
  });

  it("gives way to an explicit SESSION_SECRET, and is never written then", () => {
    const dataDir = path.join(scratch(), "pglite");
    const secret = "x".repeat(48);
    expect(parseEnv({ NODE_ENV: "production", PGLITE_DATA_DIR: dataDir, SESSION_SECRET: secret }).SESSION_SECRET).toBe(
      secret,
    );
    expect(() => statSync(sessionSecretPath(dataDir))).toThrow();
  });
});

describe("payments configuration", () => {
  it("takes both Stripe secrets or neither", () => {
    const env = parseEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" });
    expect(env.STRIPE_SECRET_KEY).toBe("sk_test_abc");
    expect(env.STRIPE_WEBHOOK_SECRET).toBe("whsec_abc");
    expect(
      parseEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" }).STRIPE_SECRET_KEY,
    ).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_test_abc" })).toThrow(/go together/);
    expect(() => parseEnv({ NODE_ENV: "test", STRIPE_WEBHOOK_SECRET: "whsec_abc" })).toThrow(/go together/);
  });

  it("rejects a publishable key or a signing secret that is not one", () => {
    expect(() =>
      parseEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" }),
    ).toThrow(/STRIPE_SECRET_KEY must be a Stripe secret key/);
    expect(() =>
      parseEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "abc" }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });

  it("enables test payments only when ALLOW_TEST_PAYMENTS is exactly true", () => {
    expect(parseEnv({ NODE_ENV: "test" }).ALLOW_TEST_PAYMENTS).toBe(false);
    expect(parseEnv({ NODE_ENV: "test", ALLOW_TEST_PAYMENTS: "true" }).ALLOW_TEST_PAYMENTS).toBe(true);
    expect(parseEnv({ NODE_ENV: "test", ALLOW_TEST_PAYMENTS: "false" }).ALLOW_TEST_PAYMENTS).toBe(false);
    expect(() => parseEnv({ NODE_ENV: "test", ALLOW_TEST_PAYMENTS: "yes" })).toThrow(ConfigError);
  });

  it("can point the Stripe SDK at a fake on loopback", () => {
    const env = parseEnv({
      NODE_ENV: "test",
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: "12111",
      STRIPE_API_PROTOCOL: "http",
    });
    expect(env).toMatchObject({ STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: 12111, STRIPE_API_PROTOCOL: "http" });
    expect(parseEnv({ NODE_ENV: "test" }).STRIPE_API_PORT).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: "test", STRIPE_API_PORT: "http" })).toThrow(/STRIPE_API_PORT/);
    expect(() => parseEnv({ NODE_ENV: "test", STRIPE_API_PROTOCOL: "ftp" })).toThrow(/STRIPE_API_PROTOCOL/);
  });

  it("checks the mail, rate-limit, benchmark and proxy settings too, with the defaults a fresh clone needs", () => {
    const defaults = parseEnv({ NODE_ENV: "test" });
    expect(defaults).toMatchObject({
      MAIL_FROM: "fair@localhost",
      RATE_LIMITS: "on",
      BENCH_ROUTES: false,
      HOST: "0.0.0.0",
    });
    expect(defaults.SMTP_URL).toBeUndefined();
    expect(defaults.TRUST_PROXY).toBeUndefined();
    expect(
      parseEnv({
        NODE_ENV: "test",
        SMTP_URL: "smtps://u:p@mail.example.org:465",
        MAIL_FROM: "展销会 <fair@example.org>",
        RATE_LIMITS: "off",
        BENCH_ROUTES: "1",
        TRUST_PROXY: "1",
        PORT: "3201",
      }),
    ).toMatchObject({ RATE_LIMITS: "off", BENCH_ROUTES: true, TRUST_PROXY: 1, PORT: 3201 });
    expect(parseEnv({ NODE_ENV: "test", TRUST_PROXY: "loopback" }).TRUST_PROXY).toBe("loopback");
    expect(() => parseEnv({ NODE_ENV: "test", SMTP_URL: "mail.example.org" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ NODE_ENV: "test", RATE_LIMITS: "false" })).toThrow(/RATE_LIMITS/);
    expect(() => parseEnv({ NODE_ENV: "test", PORT: "http" })).toThrow(/PORT/);
  });
});
