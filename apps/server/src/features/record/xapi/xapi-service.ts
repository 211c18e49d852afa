import type { Storage } from "../../../storage/storage.js";
import { XapiRecorder } from "./xapi-recorder.js";
import { XapiSender, type XapiConfig } from "./xapi-sender.js";

export interface XapiOptions extends XapiConfig {
  /** How often ended sessions are queued and the queue sent, ms (default 10 s). */
  everyMs?: number;
  /** First retry delay after a failed send, ms (default 5 s; doubled per attempt, at most 10 min). */
  firstDelayMs?: number;
  /** The public address activity ids and accounts use; default the server's own URL. */
  homePage?: string;
}

/**
 * The learning-record pump: every `everyMs`, ended sessions are queued and due statements sent.
 * Started only when an LRS is configured (XAPI_ENDPOINT): otherwise nothing is queued or sent.
 */
export function startXapi(opts: XapiOptions, deps: { storage: Storage; now: () => number; mergeGapMs: number; homePage: () => string; log: (line: string) => void }) {
  const recorder = new XapiRecorder({ ...deps, homePage: () => opts.homePage ?? deps.homePage() });
  const sender = new XapiSender({ storage: deps.storage, config: opts, now: deps.now, log: deps.log, ...(opts.firstDelayMs !== undefined ? { firstDelayMs: opts.firstDelayMs } : {}) });
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= (async () => {
      try {
        await recorder.queueEnded();
        await sender.flush();
      } catch (e) {
        deps.log(`xapi: ${(e as Error).message}`);
      }
    })().finally(() => (running = undefined));
  };
  const timer = setInterval(tick, opts.everyMs ?? 10_000);
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
