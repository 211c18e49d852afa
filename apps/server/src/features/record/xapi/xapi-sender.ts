import type { Storage } from "../../../storage/storage.js";

export interface XapiConfig {
  /** The LRS's xAPI base, e.g. https://lrs.example.org/xapi (statements go to <endpoint>/statements). */
  endpoint: string;
  key: string;
  secret: string;
}

export interface XapiSenderDeps {
  storage: Storage;
  config: XapiConfig;
  now: () => number;
  log: (line: string) => void;
  /** Statements per request. */
  batch?: number;
  /** First retry delay and its ceiling, ms: doubled per failed attempt. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Sends queued statements to the LRS in batches. A batch is marked sent only once the LRS accepted
 * it (2xx; 409 means those ids are already stored there, which is delivery too); anything else puts
 * it back with an exponential backoff. Nothing is dropped: a statement waits until it gets through.
 */
export class XapiSender {
  private busy: Promise<number> | undefined;

  constructor(private readonly deps: XapiSenderDeps) {}

  /** Sends everything due now (several batches); returns how many statements were delivered. One flush at a time. */
  flush(): Promise<number> {
    return (this.busy ??= this.drain().finally(() => (this.busy = undefined)));
  }

  private async drain(): Promise<number> {
    const { storage, config, now, log } = this.deps;
    const batch = this.deps.batch ?? 50;
    let delivered = 0;
    for (;;) {
      const due = await storage.dueStatements(now(), batch);
      if (due.length === 0) return delivered;
      const ids = due.map((d) => d.id);
      let status = 0;
      try {
        const res = await fetch(`${config.endpoint.replace(/\/+$/, "")}/statements`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-experience-api-version": "1.0.3",
            authorization: `Basic ${Buffer.from(`${config.key}:${config.secret}`).toString("base64")}`,
          },
          body: JSON.stringify(due.map((d) => d.body)),
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch (e) {
        log(`xapi: LRS unreachable (${(e as Error).message})`);
      }
      if ((status >= 200 && status < 300) || status === 409) {
        await storage.markStatementsSent(ids, now());
        delivered += ids.length;
        continue;
      }
      const attempts = Math.max(...due.map((d) => d.attempts));
      const delay = Math.min(this.deps.maxDelayMs ?? 10 * 60_000, (this.deps.firstDelayMs ?? 5_000) * 2 ** attempts);
      await storage.deferStatements(ids, now() + delay);
      if (status) log(`xapi: LRS answered ${status}; ${ids.length} statements wait ${delay} ms`);
      return delivered;
    }
  }
}
