import { seededRandom, type BoardOp } from "@otc/contract";
import { COMPACT_EVERY_OPS } from "@otc/server/src/features/whiteboard/whiteboards.ts";
import { BoardModel, encodeDeltas, simplify, type Actor, type BoardState } from "@otc/whiteboard";

export interface WhiteboardReplay {
  ops: number;
  /** The stored log as JSON text, all ops, MiB. */
  logMiB: number;
  /** Opening the board from the whole log: parse every stored op and replay it, ms on the event loop. */
  fullReplayMs: number;
  /** Opening it from a snapshot and the longest tail compaction leaves (COMPACT_EVERY_OPS − 1 ops), ms. */
  compactedReplayMs: number;
  snapshotKiB: number;
  tailOps: number;
}

const W = 4096;
const H = 2420;
const people: Actor[] = ["ana", "ben", "chloé", "dev", "eli"].map((person) => ({ person, mayClear: false, mayTemplate: false }));

/**
 * A busy board: handwriting strokes (45 %), erasing (40 %), undo and redo by five people, as
 * accepted ops in order; strokes and erases nearly balance, so the board stays under its item cap.
 */
function busyLog(n: number): Array<{ actor: Actor; op: BoardOp }> {
  const rand = seededRandom(7);
  const model = new BoardModel("front", W, H);
  const live: number[] = []; // ids on the board, for erasing a random one
  const at = new Map<number, number>(); // id → index in live
  const remove = (id: number) => {
    const i = at.get(id);
    if (i === undefined) return;
    const last = live.pop()!;
    if (last !== id) (live[i] = last), at.set(last, i);
    at.delete(id);
  };
  const log: Array<{ actor: Actor; op: BoardOp }> = [];
  while (log.length < n) {
    const actor = people[Math.floor(rand() * people.length)]!;
    const r = rand();
    let op: BoardOp;
    if (r < 0.45 || live.length === 0) {
      let [x, y, angle] = [100 + rand() * (W - 200), 100 + rand() * (H - 200), rand() * Math.PI * 2];
      const abs: number[] = [];
      for (let j = 0, len = 40 + Math.floor(rand() * 80); j < len; j++) {
        angle += (rand() - 0.5) * 0.9;
        x = Math.max(0, Math.min(W, x + Math.cos(angle) * 6));
        y = Math.max(0, Math.min(H, y + Math.sin(angle) * 6));
        abs.push(Math.round(x), Math.round(y));
      }
      op = { t: "stroke", cid: log.length, tool: "pen", colour: "#1e3a8a", width: 12, pts: encodeDeltas(simplify(abs, 2)) };
    } else if (r < 0.85) op = { t: "erase", ids: [live[Math.floor(rand() * live.length)]!] };
    else op = { t: r < 0.95 ? "undo" : "redo" };
    const plan = model.plan(actor, op);
    if (!plan.ok) continue;
    const change = plan.commit();
    for (const id of change.del) remove(id);
    for (const item of change.put) if (!at.has(item.id)) at.set(item.id, live.push(item.id) - 1);
    log.push({ actor, op });
  }
  return log;
}

/** Stored text (as the database gives it back) → a board, on one thread; returns ms. */
function replay(snapshot: string | undefined, ops: string[]): number {
  const t0 = performance.now();
  const board = snapshot ? BoardModel.fromState(JSON.parse(snapshot) as BoardState) : new BoardModel("front", W, H);
  for (const text of ops) {
    const { actor, op } = JSON.parse(text) as { actor: Actor; op: BoardOp };
    const plan = board.plan(actor, op);
    if (plan.ok) plan.commit();
  }
  return performance.now() - t0;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * What opening a room costs for a board whose log reached `n` operations, without compaction (the
 * whole log replayed) and with it (a snapshot plus the longest possible tail).
 */
export function whiteboardReplay(n = 100_000): WhiteboardReplay {
  const log = busyLog(n);
  const stored = log.map((e) => JSON.stringify(e));
  const tailOps = COMPACT_EVERY_OPS - 1;
  const head = new BoardModel("front", W, H);
  for (const { actor, op } of log.slice(0, n - tailOps)) {
    const plan = head.plan(actor, op);
    if (plan.ok) plan.commit();
  }
  const snapshot = JSON.stringify(head.saveState());
  const tail = stored.slice(n - tailOps);
  const full = median([replay(undefined, stored), replay(undefined, stored), replay(undefined, stored)]);
  const compacted = median(Array.from({ length: 7 }, () => replay(snapshot, tail)));
  return {
    ops: n,
    logMiB: +(stored.reduce((a, s) => a + s.length, 0) / 2 ** 20).toFixed(1),
    fullReplayMs: +full.toFixed(1),
    compactedReplayMs: +compacted.toFixed(1),
    snapshotKiB: +(snapshot.length / 1024).toFixed(1),
    tailOps,
  };
}
