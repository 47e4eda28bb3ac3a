import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteSession, pooledSession, preparedName, preparingReader, type ReaderSession } from "./read-rows.server";

let client: PGlite;
const sent: string[] = [];
/** A new reader on the PGlite session (nothing prepared yet), with every message it sends written down. */
const reader = async () => {
  await client.exec("DEALLOCATE ALL");
  const session = pgliteSession(client);
  return preparingReader(
    (use) =>
      session((s) =>
        use({
          prepared: s.prepared,
          query: (text, values) => (sent.push(text), s.query(text, values)),
          batch: (sql) => (sent.push(sql), s.batch(sql)),
        } satisfies ReaderSession),
      ),
    pg.escapeLiteral,
  );
};

const plans = async (text: string) =>
  (
    await client.query<{ generic: number; custom: number }>(
      `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement LIKE $1`,
      [`%${text}`],
    )
  ).rows[0];

beforeAll(async () => {
  client = new PGlite();
  await client.exec(`CREATE TABLE goods (id int PRIMARY KEY, slug text NOT NULL, stock int NOT NULL);
    INSERT INTO goods VALUES (1, 'tea', 5), (2, 'o''brien\\path', 3), (3, 'rice', 0);`);
});
afterAll(() => client.close());

describe("preparingReader on PGlite", () => {
  it("prepares a statement once and then executes it with the values as literals", async () => {
    const read = await reader();
    sent.length = 0;
    const text = `SELECT id, slug FROM goods WHERE slug = $1 AND stock >= $2`;
    expect(await read(text, ["tea", 1], "generic")).toEqual([{ id: 1, slug: "tea" }]);
    expect(await read(text, ["rice", 0], "generic")).toEqual([{ id: 3, slug: "rice" }]);
    expect(sent.filter((s) => s.startsWith("PREPARE"))).toHaveLength(1);
    expect(sent.filter((s) => s.includes(`EXECUTE ${preparedName(text)}('`))).toHaveLength(2);
  });

  it("quotes strings so that they stay values", async () => {
    const read = await reader();
    const text = `SELECT id FROM goods WHERE slug = $1`;
    expect(await read(text, ["o'brien\\path"], "generic")).toEqual([{ id: 2 }]);
    expect(await read(text, ["x'); DROP TABLE goods; --"], "generic")).toEqual([]);
    expect(await read(text, ["x\\'); DROP TABLE goods; --"], "generic")).toEqual([]);
    expect(await read(text, ["x'; DROP TABLE goods; --"], "auto")).toEqual([]);
    expect((await client.query(`SELECT count(*)::int AS n FROM goods`)).rows).toEqual([{ n: 3 }]);
  });

  it("falls back to an ordinary query for values it cannot write and statements it cannot prepare", async () => {
    const read = await reader();
    sent.length = 0;
    await expect(read(`SELECT id FROM goods WHERE slug = $1`, ["a\0b"], "generic")).rejects.toThrow();
    expect(sent.some((s) => s.includes("EXECUTE"))).toBe(false);
    // SHOW cannot be prepared: tried once, then answered the ordinary way.
    expect(await read(`SHOW standard_conforming_strings`, [], "generic")).toEqual([
      { standard_conforming_strings: "on" },
    ]);
    expect(await read(`SHOW standard_conforming_strings`, [], "generic")).toEqual([
      { standard_conforming_strings: "on" },
    ]);
    expect(sent.filter((s) => s.startsWith("PREPARE"))).toHaveLength(1);
  });

  it("runs a statement on its generic plan, and PostgreSQL's own choice only when asked", async () => {
    const read = await reader();
    // A page of goods: LIMIT and OFFSET as parameters are what keeps PostgreSQL on custom plans.
    const page = `SELECT id FROM goods WHERE stock >= $1 ORDER BY id LIMIT $2 OFFSET $3`;
    for (let i = 0; i < 8; i++) expect(await read(page, [0, 2, 1], "generic")).toEqual([{ id: 2 }, { id: 3 }]);
    expect(await plans(page)).toEqual({ generic: 8, custom: 0 });

    const chosen = `SELECT id FROM goods WHERE stock > $1 ORDER BY id LIMIT $2 OFFSET $3`;
    for (let i = 0; i < 8; i++) expect(await read(chosen, [0, 5, 0], "auto")).toEqual([{ id: 1 }, { id: 2 }]);
    expect((await plans(chosen))!.custom).toBeGreaterThanOrEqual(5);
    // The forced plan held for its own message only: the session's other statements are untouched.
    expect((await client.query(`SHOW plan_cache_mode`)).rows).toEqual([{ plan_cache_mode: "auto" }]);
  });

  it("shares a session with another reader: one text one statement, two texts two", async () => {
    await client.exec("DEALLOCATE ALL");
    // Two readers with their own bookkeeping on the one session, as the server's connections to
    // the embedded database's thread are.
    const first = preparingReader(pgliteSession(client), pg.escapeLiteral);
    const second = preparingReader(pgliteSession(client), pg.escapeLiteral);
    const stock = `SELECT stock FROM goods WHERE slug = $1`;
    const id = `SELECT id FROM goods WHERE stock = $1`;
    expect(await first(stock, ["tea"], "generic")).toEqual([{ stock: 5 }]);
    // The second reader's first statement is another text: it must not run the first's.
    expect(await second(id, [3], "generic")).toEqual([{ id: 2 }]);
    // The same text: the second finds it prepared under the same name and executes it.
    expect(await second(stock, ["rice"], "generic")).toEqual([{ stock: 0 }]);
    expect(await first(id, [0], "generic")).toEqual([{ id: 3 }]);
    expect(await plans(stock)).toEqual({ generic: 2, custom: 0 });
    expect(await plans(id)).toEqual({ generic: 2, custom: 0 });
  });

  it("keeps the session's setting when a statement fails", async () => {
    const read = await reader();
    await expect(read(`SELECT 10 / $1::int AS n`, [0], "generic")).rejects.toThrow(/division by zero/);
    expect(await read(`SELECT 10 / $1::int AS n`, [5], "generic")).toEqual([{ n: 2 }]);
    expect((await client.query(`SHOW plan_cache_mode`)).rows).toEqual([{ plan_cache_mode: "auto" }]);
  });
});

// The pool's connections each prepare for themselves; only on a PostgreSQL server (npm run test:pg).
describe.skipIf(!process.env.TEST_DATABASE_URL)("preparingReader on a node-postgres pool", () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 2 });
  });
  afterAll(() => pool.end());

  it("prepares on each connection it uses and answers the same on all of them", async () => {
    const read = preparingReader(pooledSession(pool), pg.escapeLiteral);
    const text = `SELECT c.relname FROM pg_class c WHERE c.relname = $1 LIMIT $2`;
    const answers = await Promise.all(Array.from({ length: 12 }, () => read(text, ["pg_class", 5], "generic")));
    expect(answers.every((rows) => JSON.stringify(rows) === JSON.stringify([{ relname: "pg_class" }]))).toBe(true);
    expect(pool.totalCount).toBe(2);
    // Every connection has it prepared, and ran it on the generic plan.
    const seen = await Promise.all(
      [0, 1].map(async () => {
        const connection = await pool.connect();
        try {
          const { rows } = await connection.query(
            `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement = $1`,
            [`PREPARE ${preparedName(text)} AS ${text}`],
          );
          return rows[0];
        } finally {
          connection.release();
        }
      }),
    );
    for (const plan of seen) expect(plan).toMatchObject({ custom: 0 });
    expect(seen.reduce((sum, plan) => sum + plan.generic, 0)).toBe(12);
  });

  it("keeps a connection after an error PostgreSQL answered", async () => {
    const read = preparingReader(pooledSession(pool), pg.escapeLiteral);
    await expect(read(`SELECT 10 / $1::int AS n`, [0], "generic")).rejects.toThrow(/division by zero/);
    expect(await read(`SELECT 10 / $1::int AS n`, [5], "generic")).toEqual([{ n: 2 }]);
    expect(pool.totalCount).toBe(2);
  });
});
