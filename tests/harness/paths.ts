import { fileURLToPath } from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const clientDist = path.join(repoRoot, "apps/client/dist");
export const assetsDir = path.join(repoRoot, "assets");
/** Screenshots and other artefacts a person should look at after a run. */
export const resultsDir = path.join(repoRoot, "test-results");
