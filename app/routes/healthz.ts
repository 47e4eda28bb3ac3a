import { database } from "~/utils/db.server";
import { logger } from "~/observability/logger.server";

/** Liveness and database reachability for load balancers: 200 when a query answers, 503 when not. */
export async function loader() {
  const started = Date.now();
  try {
    const db = await database();
    await db.sql.query("SELECT 1");
    return Response.json(
      { status: "ok", database: { engine: db.engine, reachable: true, latencyMs: Date.now() - started } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    logger().error({ err: error }, "healthz: database unreachable");
    return Response.json(
      { status: "error", database: { reachable: false } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
