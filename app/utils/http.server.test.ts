import { validateHeaderValue } from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath, sameSitePath } from "./http.server";

const ORIGIN = "https://fair.example";

/** Pieces that have turned redirects into open redirects somewhere. */
const TRICKY = [
  "/",
  "//",
  "\\",
  "/\\",
  "\t",
  "\r",
  "\n",
  "\r\n",
  " ",
  "\u0000",
  "\u000b",
  "\u000c",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u2028",
  "\u3000",
  "\ufeff",
  "%2F",
  "%2f",
  "%5C",
  "%09",
  "%0d%0a",
  "%00",
  "evil.example",
  "@evil.example",
  "http:",
  "https:",
  "javascript:alert(1)",
  "data:",
  ":",
  "?",
  "#",
  ".",
  "..",
  "/..",
  "admin",
  "𠮷",
  "ｅｖｉｌ",
  "／",
  "＼",
];

const trickyString = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 8 })
  .map((parts) => parts.join(""));
const anyString = fc.oneof(
  trickyString,
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme-ascii" }),
  trickyString.map((s) => `/${s}`),
  fc.webUrl().map((url) => url.replace(/^https?:/, "")),
);

/** What a browser does to a Location value before parsing it: drops tabs and newlines, trims C0 and space. */
const asBrowserReadsIt = (value: string) =>
  // eslint-disable-next-line no-control-regex -- browsers strip exactly these characters
  value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");

describe("safeRedirectPath", () => {
  it("accepts only values that stay on the site's own origin, as the WHATWG URL parser and a browser read them", () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const accepted = sameSitePath(value);
        if (accepted === null) return;
        expect(accepted).toBe(value);
        expect(new URL(value, ORIGIN).origin).toBe(ORIGIN);
        expect(new URL(asBrowserReadsIt(value), ORIGIN).origin).toBe(ORIGIN);
        // A value the server accepts must also be a valid Location header (no 500 after sign-in).
        expect(() => validateHeaderValue("Location", value)).not.toThrow();
        expect(() => new Headers({ Location: value })).not.toThrow();
      }),
      { numRuns: 20_000 },
    );
  });

  it("refuses the probes that got through before, and every control character and whitespace", () => {
    for (const value of [
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/admin\r\nSet-Cookie: x=1",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      " /admin",
      "/admin ",
      "/a\u00a0b",
      "/a\u3000b",
      "/𠮷",
      "",
      "admin",
    ]) {
      expect(sameSitePath(value), JSON.stringify(value)).toBeNull();
      expect(safeRedirectPath(value, "/admin")).toBe("/admin");
    }
    for (let code = 0; code <= 0x20; code++) expect(sameSitePath(`/a${String.fromCharCode(code)}b`)).toBeNull();
    expect(sameSitePath("/a\u007fb")).toBeNull();
    expect(safeRedirectPath(undefined, "/portal")).toBe("/portal");
    expect(safeRedirectPath(["/admin"], "/portal")).toBe("/portal");
  });

  it("keeps ordinary paths with their query, including percent-encoded ones", () => {
    for (const value of [
      "/",
      "/admin",
      "/admin/reports?from=2026-10-01&to=2026-10-20",
      "/en/cart",
      "/search?q=%E6%99%AE%E6%B4%B1",
    ])
      expect(safeRedirectPath(value, "/x")).toBe(value);
  });
});
