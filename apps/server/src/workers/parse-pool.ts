import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ParseJobKind, ParseJobs, ParseReply, ParseRequest } from "./parse-jobs.js";

/** The pool is full: the caller should answer 503 with this sentence and try later. */
export class PoolBusyError extends Error {
  constructor() {
    super("The server is busy checking other uploads; try again in a minute.");
  }
}

export interface ParsePoolOptions {
  /** Worker threads at most; default 1 on a 2-core machine, 2 above (the event loop keeps a core). */
  workers?: number;
  /** Jobs waiting for a worker at most; beyond that a job is refused with PoolBusyError. */
  maxQueued?: number;
  /** A job running longer is abandoned and its worker replaced, ms; default 120 s. */
  timeoutMs?: number;
}

interface Job {
  req: ParseRequest;
  transfer: ArrayBuffer[];
  resolve: (output: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded and listening: until then its start-up (a second or so under tsx) is not a job's time. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const BOOT = new URL("./parse-worker-boot.mjs", import.meta.url);

/**
 * Runs the heavy checks of uploaded content (glTF, archives) on worker threads, so a large or
 * hostile upload never stalls the event loop that carries every room's 20 Hz ticks. Workers start
 * on first use; at most `workers` jobs run at once, at most `maxQueued` wait, and a job past its
 * timeout is abandoned (its worker terminated and replaced).
 */
export class ParsePool {
  private readonly size: number;
  private readonly maxQueued: number;
  private readonly timeoutMs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: ParsePoolOptions = {}) {
    this.size = Math.max(1, opts.workers ?? (availableParallelism() > 2 ? 2 : 1));
    this.maxQueued = opts.maxQueued ?? 16;
    this.timeoutMs = opts.timeoutMs ?? 120_000; // optimising a 50 MB room model takes a while
  }

  /** Runs one job; `input` bytes are copied, never transferred (callers keep theirs). */
  run<K extends ParseJobKind>(kind: K, input: ParseJobs[K]["input"]): Promise<ParseJobs[K]["output"]> {
    if (this.closed) return Promise.reject(new Error("the parse pool is closed"));
    if (this.queue.length >= this.maxQueued) return Promise.reject(new PoolBusyError());
    return new Promise((resolve, reject) => {
      const copy = input instanceof Uint8Array ? input.slice() : input;
      const transfer = copy instanceof Uint8Array ? [copy.buffer as ArrayBuffer] : [];
      this.queue.push({ req: { id: this.nextId++, kind, input: copy }, transfer, resolve: resolve as (o: unknown) => void, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the server is stopping"));
    await Promise.all(this.slots.splice(0).map((s) => this.retire(s, new Error("the server is stopping"))));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && s.job === null);
      if (!slot) {
        if (this.slots.length < this.size) this.spawn(); // pumps again once ready
        return;
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => void this.replace(slot, new Error("checking the upload took too long")), this.timeoutMs);
      slot.worker.postMessage(job.req, job.transfer);
    }
  }

  private spawn(): void {
    const worker = new Worker(BOOT, { execArgv: [] });
    worker.unref(); // an idle pool never keeps the process alive
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on("message", (reply: ParseReply | "ready") => {
      if (reply === "ready") {
        slot.ready = true;
        return this.pump();
      }
      const job = slot.job;
      if (!job || reply.id !== job.req.id) return;
      this.finish(slot);
      if (reply.ok) job.resolve(reply.output);
      else job.reject(new Error(reply.error));
      this.pump();
    });
    worker.on("error", (e) => void this.replace(slot, e));
    worker.on("exit", () => void this.replace(slot, new Error("the checking thread stopped")));
    this.slots.push(slot);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** Fails the slot's job, ends its worker and lets the queue carry on with a fresh one. */
  private async replace(slot: Slot, why: Error): Promise<void> {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    await this.retire(slot, why);
    if (!this.closed) this.pump();
  }

  private async retire(slot: Slot, why: Error): Promise<void> {
    const job = slot.job;
    this.finish(slot);
    job?.reject(why);
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => undefined);
    await slot.worker.terminate();
  }
}
