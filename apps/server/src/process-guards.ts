/** The part of `process` the guards listen on (an EventEmitter in tests). */
export interface GuardedProcess {
  on(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
  on(event: "uncaughtException", listener: (error: Error) => void): unknown;
}

export interface GuardActions {
  log(line: string): void;
  /** Closes sessions and exits with a failure code, so a supervisor starts a clean process. */
  shutDown(reason: string): void;
}

/**
 * Last-resort handlers. An unhandled rejection is a promise nobody awaited (a broadcast after a
 * room closed, a fire-and-forget write): the failure belongs to that one call, so it is logged and
 * the server keeps serving everyone else. An uncaught exception is different: it was thrown out of
 * an event callback halfway through, which may leave any state (a room, a socket, a pool)
 * inconsistent, so Node's advice holds: log it, stop gracefully (every acknowledged change is
 * already stored) and exit non-zero for the supervisor to restart, rather than keep serving from a
 * state nobody can reason about.
 */
export function installProcessGuards(proc: GuardedProcess, actions: GuardActions): void {
  proc.on("unhandledRejection", (reason) => {
    actions.log(`unhandled promise rejection (kept serving): ${describe(reason)}`);
  });
  proc.on("uncaughtException", (error) => {
    actions.log(`uncaught exception, stopping: ${describe(error)}`);
    actions.shutDown("uncaughtException");
  });
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
