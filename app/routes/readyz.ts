import { checkReadiness } from "~/observability/readiness.server";

/**
 * Readiness for load balancers and the cache: 200 only while this process serves, its database
 * answers and every migration it ships is applied; 503 while starting, draining or degraded.
 * (/healthz is liveness: a draining process is still alive.)
 */
export async function loader() {
  const readiness = await checkReadiness();
  return Response.json(readiness.ready ? { status: "ready" } : { status: "not-ready", ...readiness }, {
    status: readiness.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
