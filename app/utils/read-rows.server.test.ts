import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namedStatementReader, preparingReader } from "./read-rows.server";

let client: PGlite;
const sent: string[] = [];
const reader = () =>
  preparingReader((text, values) => {
    sent.push(text);
    return client.query(text, values);
  }, pg.escapeLiteral);

beforeAll(async () => {
  client = new PGlite();
  await client.exec(`CREATE TABLE goods (id int PRIMARY KEY, slug text NOT NULL, stock int NOT NULL);
    INSERT INTO goods VALUES (1, 'tea', 5), (2, 'o''brien\\path', 3), (3, 'rice', 0);`);
});
afterAll(() => client.close());

describe("preparingReader (PGlite)", () => {
  it("prepares a statement once and then executes it with the values as literals", async () => {
    const read = reader();
    sent.length = 0;
    const text = `SELECT id, slug FROM goods WHERE slug = $1 AND stock >= $2`;
    expect(await read(text, ["tea", 1])).toEqual([{ id: 1, slug: "tea" }]);
    expect(await read(text, ["rice", 0])).toEqual([{ id: 3, slug: "rice" }]);
    expect(sent.filter((s) => s.startsWith("PREPARE"))).toHaveLength(1);
    expect(sent.filter((s) => s.startsWith("EXECUTE"))).toHaveLength(2);
  });

  it("quotes strings so that they stay values", async () => {
    const read = reader();
    const text = `SELECT id FROM goods WHERE slug = $1`;
    expect(await read(text, ["o'brien\\path"])).toEqual([{ id: 2 }]);
    expect(await read(text, ["x'); DROP TABLE goods; --"])).toEqual([]);
    expect(await read(text, ["x\\'); DROP TABLE goods; --"])).toEqual([]);
    expect((await client.query(`SELECT count(*)::int AS n FROM goods`)).rows).toEqual([{ n: 3 }]);
  });

  it("falls back to an ordinary query for values it cannot write and statements it cannot prepare", async () => {
    const read = reader();
    sent.length = 0;
    await expect(read(`SELECT id FROM goods WHERE slug = $1`, ["a\0b"])).rejects.toThrow();
    expect(sent.some((s) => s.startsWith("EXECUTE"))).toBe(false);
    // SHOW cannot be prepared: tried once, then answered the ordinary way.
    expect(await read(`SHOW standard_conforming_strings`, [])).toEqual([{ standard_conforming_strings: "on" }]);
    expect(await read(`SHOW standard_conforming_strings`, [])).toEqual([{ standard_conforming_strings: "on" }]);
    expect(sent.filter((s) => s.startsWith("PREPARE"))).toHaveLength(1);
  });
});

describe("namedStatementReader (node-postgres)", () => {
  it("names each distinct text once and sends the rest unnamed past the bound", async () => {
    const configs: { name?: string; text: string }[] = [];
    const read = namedStatementReader(async (config) => {
      configs.push(config);
      return { rows: [] };
    });
    await read("SELECT 1 WHERE $1", [true]);
    await read("SELECT 2 WHERE $1", [true]);
    await read("SELECT 1 WHERE $1", [false]);
    expect(configs.map((c) => c.name)).toEqual(["fair_read_1", "fair_read_2", "fair_read_1"]);
    for (let i = 3; i <= 300; i++) await read(`SELECT ${i}`, []);
    expect(configs.at(-1)).toEqual({ text: "SELECT 300", values: [] });
    expect(new Set(configs.flatMap((c) => (c.name ? [c.name] : []))).size).toBe(256);
  });
});
