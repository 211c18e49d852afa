// The lines `npm test` prints before its closing line: the slowest test files and the suite's times.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { FILE_TIMES } from "./file-times-reporter.mjs";

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Per-file times, slowest first: from the file-times reporter (import + setup + hooks + tests) or,
 * when it left nothing, from the vitest JSON report (first test start to last test end: hooks
 * outside the tests are not counted there).
 */
function fileTimes(root, report) {
  if (existsSync(FILE_TIMES)) return { source: "import, hooks and tests", files: JSON.parse(readFileSync(FILE_TIMES, "utf8")) };
  if (!existsSync(report)) return { source: "", files: [] };
  const j = JSON.parse(readFileSync(report, "utf8"));
  const files = j.testResults.map((t) => ({ file: path.relative(root, t.name), ms: Math.round((t.endTime ?? 0) - (t.startTime ?? 0)) }));
  return { source: "tests only, from the JSON report", files };
}

/** Lines: the `top` slowest files, then vitest's wall time. */
export function timingLines(root, report, vitestWallMs, top = 8) {
  const { source, files } = fileTimes(root, report);
  const lines = [];
  if (files.length > 0) {
    const slowest = [...files].sort((a, b) => b.ms - a.ms).slice(0, top);
    lines.push(`slowest test files (${source}):`);
    for (const f of slowest) lines.push(`  ${seconds(f.ms).padStart(8)}  ${f.file}`);
  }
  lines.push(`vitest: ${seconds(vitestWallMs)} wall time, ${files.length} files`);
  return lines;
}
