/**
 * What server.mjs (outside the build) uses of the app's observability, reached through the build's
 * entry module so the server and the app share one logger, one registry and one readiness state.
 */
export { logger } from "./logger.server";
export { requestContext } from "./request-context.server";
export { metrics } from "./metrics.server";
export { markReady, phase, startDraining } from "./readiness.server";
export { scrubPath } from "./redact";
