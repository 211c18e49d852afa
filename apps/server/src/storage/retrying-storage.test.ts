import { describe, expect, it } from "vitest";
import { RetryingStorage, classify, type RetryPolicy } from "./retrying-storage.js";
import type { Storage } from "./storage.js";

// The retry policy on a fake clock: no real waiting, every wait recorded.
function policy(): RetryPolicy & { waits: number[]; lines: string[] } {
  let t = 0;
  const waits: number[] = [];
  const lines: string[] = [];
  return { firstDelayMs: 100, maxDelayMs: 1000, budgetMs: 10_000, now: () => t, sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    },
    log: (l) => lines.push(l), waits, lines };
}
const err = (code: string, message = code) => Object.assign(new Error(message), { code });

/** A database of board ops that fails the way it is told to. */
function fakeDb(failures: Array<{ code: string; committed: boolean }>) {
  const rows: Array<{ id: number; body: string; at: number }> = [];
  const db = {
    dialect: "postgres",
    async appendBoardOp(_s: string, _b: string, body: unknown, at: number) {
      const f = failures.shift();
      if (f?.committed || !f) rows.push({ id: rows.length + 1, body: JSON.stringify(body), at });
      if (f) throw err(f.code);
      return rows.length;
    },
    async findBoardOp(_s: string, _b: string, body: unknown, at: number) {
      return rows.find((r) => r.body === JSON.stringify(body) && r.at === at)?.id;
    },
    async getSetting() {
      throw err("23505", "duplicate key");
    },
  };
  return { rows, db: db as unknown as Storage & { findBoardOp: typeof db.findBoardOp; findEvent: () => Promise<undefined> } };
}

describe("RetryingStorage", () => {
  it("waits with a doubling, capped backoff while the database refuses connections, then stores once", async () => {
    const p = policy();
    const { rows, db } = fakeDb([...Array(6)].map(() => ({ code: "ECONNREFUSED", committed: false })));
    expect(await new RetryingStorage(db, p).appendBoardOp("s", "b", { n: 1 }, 5)).toBe(1);
    expect(p.waits).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(rows.length).toBe(1);
    expect(p.lines[0]).toMatch(/database unreachable \(ECONNREFUSED.*retrying appendBoardOp in 100 ms/);
  });

  it("does not store an append twice when the connection died after it committed", async () => {
    const p = policy();
    const { rows, db } = fakeDb([{ code: "ECONNRESET", committed: true }, { code: "ECONNREFUSED", committed: false }]);
    expect(await new RetryingStorage(db, p).appendBoardOp("s", "b", { n: 1 }, 5)).toBe(1);
    expect(rows.length).toBe(1);
  });

  it("gives up after its budget and fails at once on a real error", async () => {
    const p = policy();
    const { db } = fakeDb([...Array(100)].map(() => ({ code: "57P03", committed: false })));
    await expect(new RetryingStorage(db, p).appendBoardOp("s", "b", {}, 1)).rejects.toThrow("57P03");
    expect(p.waits.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
    await expect(new RetryingStorage(db, policy()).getSetting("k")).rejects.toThrow("duplicate key");
    expect(classify(err("23505"))).toBe("fatal");
    expect(classify(new Error("Connection terminated unexpectedly"))).toBe("ambiguous");
  });
});
