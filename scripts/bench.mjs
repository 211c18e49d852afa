#!/usr/bin/env node
// `pnpm bench` / `npm run bench`: prints figures and writes bench-results/latest.json (see bench/);
// `npm run bench -- --quick`: every section with small counts, bench-results/quick.json. Exits 1 when a section threw.
import { ensureClientBuilt, ensureInstalled, pnpm } from "./lib.mjs";

ensureInstalled();
ensureClientBuilt();
pnpm(["--filter", "@otc/bench", "exec", "tsx", "run.ts", ...process.argv.slice(2)]);
