// The embedded database's worker thread for tests (production runs server/database-thread.mjs,
// which imports the built server instead): the same serveDatabaseThread, from the TypeScript
// sources through tsx's loader, registered here since a worker does not inherit the test's.
import { register } from "tsx/esm/api";

register();
const { serveDatabaseThread } = await import("../../app/utils/db-thread.server.ts");
await serveDatabaseThread();
