// A message module imported with ?locale=zh or ?locale=en (./*.zh.ts, ./*.en.ts): the same module,
// of which the build keeps only that language. Its keys are typed by the area modules (../*.ts),
// which name the message modules' own types.
declare module "*?locale=zh" {
  export const zh: Record<string, string>;
}
declare module "*?locale=en" {
  export const en: Record<string, import("~/utils/i18n").Message>;
}
