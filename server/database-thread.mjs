// The embedded database's worker thread (app/utils/db-thread.server.ts): the server build's own
// code, so the thread opens, locks and serves the folder exactly as the server used to itself.
const build = await import("../build/server/index.js");
await build.entry.module.serveDatabaseThread();
