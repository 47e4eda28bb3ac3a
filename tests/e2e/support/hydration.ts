import type { Page } from "@playwright/test";

/**
 * Collects what says React could not hydrate the server's HTML (a mismatch makes it throw the page
 * away and draw it again, losing a tap made meanwhile): production builds report it as minified
 * errors #418, #423 and #425. Each entry names the page it happened on.
 */
export function collectHydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|did not match|Minified React error #4(18|23|25)/i.test(message.text()))
      errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}
