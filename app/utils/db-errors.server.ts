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
  return e?.name === "DriverAdapterError" && /duplicate key value violates unique constraint/.test(e.message ?? "");
}
