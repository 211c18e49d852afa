import { parentPort } from "node:worker_threads";
import type { ParseJobKind, ParseJobs, ParseReply, ParseRequest } from "./parse-jobs.js";

type Handlers = { [K in ParseJobKind]: (input: ParseJobs[K]["input"]) => Promise<ParseJobs[K]["output"]> };

// Loaded on first use, so a worker that only checks avatars never loads sharp (brand logos).
const handlers: Handlers = {
  "avatar-model": async (bytes) => (await import("../features/avatars/model-check.js")).checkAvatarModel(bytes),
  "room-archive": async (bytes) => (await import("../features/room-import/room-archive.js")).unpackRoom(bytes),
  "room-model-inspect": async (bytes) => (await import("../features/room-import/model-jobs.js")).inspectModel(bytes),
  "room-model-optimise": async (bytes) => (await import("../features/room-import/model-jobs.js")).optimiseModel(bytes),
  "pdf-pages": async (pdf) => (await import("../features/slides/pdf-pages.js")).pdfPageCount(pdf),
  "test-spin": async (ms) => {
    const end = Date.now() + ms;
    while (Date.now() < end); // a stand-in for a long parse: holds this thread only
    return ms;
  },
};

const port = parentPort!;
port.on("message", (req: ParseRequest) => {
  const run = handlers[req.kind] as (input: unknown) => Promise<unknown>;
  run(req.input).then(
    (output) => port.postMessage({ id: req.id, ok: true, output } satisfies ParseReply),
    (e: unknown) => port.postMessage({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies ParseReply),
  );
});
port.postMessage("ready");
