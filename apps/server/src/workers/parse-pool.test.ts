import { buildTestVrm } from "@otc/avatars";
import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { makeNumberedPdf } from "../test-support/test-pdf.js";
import { ParsePool, PoolBusyError } from "./parse-pool.js";

let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

// Each test boots a worker that loads TypeScript through tsx (one to three seconds on a busy box).
describe("the parse pool", { timeout: 20_000 }, () => {
  it("checks avatar models, unpacks room archives and counts PDF pages on a worker thread (TypeScript loaded there)", async () => {
    pool = new ParsePool({ workers: 1 });
    expect(await pool.run("avatar-model", buildTestVrm())).toEqual({ ok: true, kind: "vrm" });
    const archive = await pool.run("room-archive", zipSync({ "room.json": strToU8('{"id":"x"}') }));
    expect(archive).toMatchObject({ ok: true, json: { id: "x" } });
    expect(await pool.run("pdf-pages", await makeNumberedPdf(3))).toBe(3);
    await expect(pool.run("pdf-pages", new TextEncoder().encode("%PDF-1.4 broken"))).rejects.toThrow();
  });

  it("keeps the event loop free while a job runs", async () => {
    pool = new ParsePool({ workers: 1 });
    await pool.run("test-spin", 0); // the worker is up
    const job = pool.run("test-spin", 800);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await job;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5); // on the event loop the 800 ms spin would have allowed none
  });

  it("runs at most its workers at once, queues a few more and refuses beyond with a sentence", async () => {
    pool = new ParsePool({ workers: 1, maxQueued: 2 });
    await pool.run("test-spin", 0); // the worker is up: the next job runs at once
    const order: number[] = [];
    const jobs = [300, 1, 2].map((ms) => pool!.run("test-spin", ms).then((n) => order.push(n)));
    await expect(pool.run("test-spin", 3)).rejects.toBeInstanceOf(PoolBusyError);
    await expect(pool.run("test-spin", 3)).rejects.toThrow(/busy checking other uploads; try again/);
    await Promise.all(jobs);
    expect(order).toEqual([300, 1, 2]); // one at a time, in order
  });

  it("abandons a job past its timeout and carries on with a fresh worker", async () => {
    pool = new ParsePool({ workers: 1, timeoutMs: 300 });
    await expect(pool.run("test-spin", 5_000)).rejects.toThrow(/took too long/);
    expect(await pool.run("test-spin", 1)).toBe(1);
  });
});
