/**
 * The production server's Node flags (server/node-flags.mjs) reach every way it is started:
 * `npm start` names them in package.json, so they are checked here against the one list.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "../../server/node-flags.mjs";

describe("the server's Node flags", () => {
  it("are given by `npm start`, before the launcher (node:cluster workers inherit them from it)", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(" ")} scripts/start.mjs`);
  });

  it("are passed on by the launcher of the cached setup", () => {
    expect(readFileSync("scripts/start-cached.mjs", "utf8")).toMatch(
      /start\("app", process\.execPath, \[\.\.\.SERVER_NODE_FLAGS, /,
    );
  });
});
