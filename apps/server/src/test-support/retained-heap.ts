import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * This process's heap after a full GC, MiB: what is retained, not garbage waiting for collection
 * (vitest workers and the bench run without --expose-gc, so the flag is set here). Used by the CI
 * soak and `npm run bench -- soak`.
 */
export function retainedHeapMiB(): number {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
