import { database } from "~/utils/db.server";
import { missingMigrations, readMigrations, type Migration } from "~/utils/migrations.server";

/**
 * Whether this process should be sent traffic (/readyz). A process is "starting" until boot has
 * readied the database, "ready" while it serves, and "draining" from SIGTERM until it exits.
 * Liveness (/healthz) is a different question: a draining process is alive.
 */
export type Phase = "starting" | "ready" | "draining";

type DrainListener = () => void;
interface ReadinessState {
  phase: Phase;
  drainListeners: Set<DrainListener>;
  migrations?: Promise<Migration[]>;
}

// On globalThis: server.mjs flips the phase, the app's /readyz route and SSE streams read it.
const holder = globalThis as typeof globalThis & { __fairReadiness?: ReadinessState };
const state = (holder.__fairReadiness ??= { phase: "starting", drainListeners: new Set() });

export const phase = (): Phase => state.phase;

export function markReady(): void {
  if (state.phase === "starting") state.phase = "ready";
}

/** Turns the process not-ready for good and tells long-lived responses (event streams) to end. */
export function startDraining(): void {
  if (state.phase === "draining") return;
  state.phase = "draining";
  for (const listener of state.drainListeners) listener();
}

/** Runs `listener` when draining starts (at once if it already has); returns an unsubscribe. */
export function onDrain(listener: DrainListener): () => void {
  if (state.phase === "draining") {
    listener();
    return () => undefined;
  }
  state.drainListeners.add(listener);
  return () => state.drainListeners.delete(listener);
}

export type Readiness =
  | { ready: true; phase: "ready" }
  | { ready: false; phase: Phase; reason: string; pending?: string[] };

/** Ready: serving, the database answers, and every migration this build ships is applied. */
export async function checkReadiness(): Promise<Readiness> {
  const current = state.phase;
  if (current !== "ready") return { ready: false, phase: current, reason: current };
  try {
    const db = await database();
    // The migration files do not change while the process runs: read them once.
    state.migrations ??= readMigrations();
    const pending = await missingMigrations(db.sql, await state.migrations);
    if (pending.length > 0) return { ready: false, phase: current, reason: "migrations pending", pending };
    return { ready: true, phase: "ready" };
  } catch (error) {
    return { ready: false, phase: current, reason: `database: ${(error as Error).message}` };
  }
}
