import { describe, expect, it } from "vitest";
import { translate } from "~/i18n/areas/console";

describe("page names", () => {
  it("call the report page by one name, in the console's navigation and on the page itself", () => {
    for (const locale of ["zh", "en"] as const)
      expect(translate(locale, "console.reports")).toBe(translate(locale, "reports.title"));
  });
});
