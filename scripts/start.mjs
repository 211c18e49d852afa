#!/usr/bin/env node
// `npm start`: install, build, and run the whole thing on embedded defaults.
// Flags and env are passed to the server: `npm start -- --https`, PORT=8080 npm start.
import { ensureClientBuilt, ensureInstalled, log, spawnPnpm } from "./lib.mjs";

ensureInstalled();
ensureClientBuilt();
log("starting the server…");
const child = spawnPnpm(["--filter", "@otc/server", "exec", "tsx", "src/main.ts", ...process.argv.slice(2)]);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
