// "The server's tick on one core": with two cores or more and Linux's `taskset`, the presence load
// pins the bench process (the server: every thread, its GC helpers included) to core 0 and runs the
// client processes on the other cores, so the clients' work no longer lands in the server's tick.
// Without taskset (or on one core) everything shares the cores, as before, and the result says so.
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Pinning {
  /** Prefix for a client process's command (empty when not pinned). */
  clientPrefix: string[];
  /** How the run was placed, for the printed row. */
  label: string;
  restore: () => void;
}

export function pinServerToOneCore(): Pinning {
  const cores = os.availableParallelism();
  const unpinned: Pinning = { clientPrefix: [], label: `server and clients share ${cores} core${cores === 1 ? "" : "s"}`, restore: () => {} };
  if (cores < 2 || process.platform !== "linux" || process.env.OTC_BENCH_PIN === "0") return unpinned;
  const all = `0-${cores - 1}`;
  try {
    execFileSync("taskset", ["-a", "-cp", "0", String(process.pid)], { stdio: "ignore" });
  } catch {
    return unpinned;
  }
  return {
    clientPrefix: ["taskset", "-c", `1-${cores - 1}`],
    label: `server on core 0 alone, clients on ${cores === 2 ? "core 1" : `cores 1–${cores - 1}`}`,
    restore: () => {
      try {
        execFileSync("taskset", ["-a", "-cp", all, String(process.pid)], { stdio: "ignore" });
      } catch {
        // the next section runs unpinned only if this succeeded; nothing else to do
      }
    },
  };
}
