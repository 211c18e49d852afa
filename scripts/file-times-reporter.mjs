// A vitest reporter (scripts/test.mjs adds it) that records what each test file cost: importing it,
// its setup, and its tests and hooks, in test-results/file-times.json. The JSON report's per-file
// start/end only spans the tests themselves, which leaves out beforeAll/afterAll: the server and
// browser start-up that is much of a browser test file's time.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const FILE_TIMES = path.join(root, "test-results", "file-times.json");

export default class FileTimesReporter {
  onTestRunEnd(testModules) {
    const files = testModules.map((m) => {
      const d = m.diagnostic();
      const ms = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
      return { file: m.relativeModuleId, project: m.project.name, ms: Math.round(ms), state: m.state() };
    });
    mkdirSync(path.dirname(FILE_TIMES), { recursive: true });
    writeFileSync(FILE_TIMES, `${JSON.stringify(files, null, 2)}\n`);
  }
}
