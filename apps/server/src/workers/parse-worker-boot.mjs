// Entry of a parse-pool worker thread. The worker is started without the parent's execArgv (the
// tsx CLI's --import loader hangs a worker thread on Node 20, and under vitest there is no loader
// at all), so it registers tsx for itself (about a second, once per worker) and then loads the
// TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
