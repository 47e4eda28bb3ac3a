import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.server";

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
    expect(parseEnv({ NODE_ENV: "production" }).SESSION_SECRET).toBeTruthy();
    const secret = "s".repeat(40);
    expect(
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u@db:5432/fair", SESSION_SECRET: secret })
        .SESSION_SECRET,
    ).toBe(secret);
  });
});
