/**
 * The record does not exist or belongs to another cooperative. The two are deliberately the same
 * answer (404), so a cooperative cannot learn which ids other cooperatives use.
 */
export class PortalNotFoundError extends Error {
  constructor(entity: string) {
    super(`${entity} not found`);
  }
}

/** A request that was valid on its own but not in the record's current state; `message` is an i18n key. */
export class PortalConflictError extends Error {
  constructor(
    public readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export { isUniqueViolation } from "~/utils/db-errors.server";

/** For routes: a model's "not found" becomes the 404 response; anything else is rethrown as is. */
export function rethrowAsHttp(error: unknown): never {
  if (error instanceof PortalNotFoundError) throw new Response("Not found", { status: 404 });
  throw error;
}
