/**
 * A second process for the one-owner tests: `node --import tsx tests/support/hold-folder.ts <folder>
 * [--open]` takes the folder's lock (or opens its PGlite with --open), prints `held <pid>` or
 * `refused <message>`, and keeps it until killed or its stdin closes.
 */
import { lockFolder } from "~/utils/db-owner.server";
import { openPglite } from "~/utils/db.server";

const [folder, mode] = process.argv.slice(2);
try {
  if (mode === "--open") await openPglite(folder!, { role: "the test holder", serve: true });
  else lockFolder(folder!, "the test holder");
  console.log(`held ${process.pid}`);
} catch (error) {
  console.log(`refused ${(error as Error).message}`);
  process.exit(0);
}
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
