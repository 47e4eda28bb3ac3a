/**
 * True when a database write failed on a unique constraint. Prisma reports it as P2002 through
 * @prisma/adapter-pg, but the PGlite adapter (built against an older driver-adapter API) lets
 * the raw DriverAdapterError through, carrying PostgreSQL's own code 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as {
    code?: string;
    name?: string;
    message?: string;
    cause?: { originalCode?: string; kind?: string; code?: string };
  };
  if (e?.code === "P2002") return true;
  if (
    e?.cause?.originalCode === "23505" ||
    e?.cause?.code === "23505" ||
    e?.cause?.kind === "UniqueConstraintViolation"
  )
    return true;
  // A raw query's failure (P2010) carries PostgreSQL's code in its meta or only in its message.
  const meta = (error as { meta?: { code?: string } })?.meta;
  if (meta?.code === "23505") return true;
  return /duplicate key value violates unique constraint/.test(e?.message ?? "");
}

/** PostgreSQL codes that mean "too much at once", not "wrong": the same request may succeed soon. */
const BUSY_SQLSTATES = new Set([
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "53300", // too_many_connections
  "55P03", // lock_not_available
  "57014", // query_canceled (statement or lock timeout)
]);
/** Prisma: P2028 transaction could not start (or ran out of time), P2034 write conflict or deadlock. */
const BUSY_PRISMA_CODES = new Set(["P2028", "P2034"]);
const BUSY_MESSAGES = [
  /Unable to start a transaction in the given time/i,
  /Transaction already closed/i,
  /timeout exceeded when trying to connect/i, // pg.Pool: no connection within connectionTimeoutMillis
  /Connection terminated due to connection timeout/i,
  /sorry, too many clients already/i,
];

/**
 * True when a database call failed because the server is saturated (no pool connection in time,
 * a transaction that could not start or ran out of time, lock or serialization conflicts):
 * nothing was written, and the buyer should be told "busy, try again" rather than shown an error.
 */
export function isBusyError(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.name === "BusyError") return true; // admission control refused it (app/utils/admission.server.ts)
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code && (BUSY_PRISMA_CODES.has(code) || BUSY_SQLSTATES.has(code))) return true;
    if (typeof e.originalCode === "string" && BUSY_SQLSTATES.has(e.originalCode)) return true;
    if (typeof e.message === "string" && BUSY_MESSAGES.some((pattern) => pattern.test(e!.message as string)))
      return true;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return false;
}
