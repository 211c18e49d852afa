import { seededRandom, type BoardOp } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { BoardModel, type Actor } from "./board-model.js";
import { BoardReplica } from "./board-replica.js";
import { encodeDeltas } from "./points.js";

const W = 4096;
const H = 2048;

function randomOp(rand: () => number, board: BoardModel): BoardOp {
  const r = rand();
  const int = (n: number) => Math.floor(rand() * n);
  const existing = board.snapshot().items;
  if (r < 0.4) {
    const abs: number[] = [];
    for (let i = 0, n = 2 + int(20); i < n; i++) abs.push(int(W), int(H));
    return { t: "stroke", cid: int(1000), tool: rand() < 0.8 ? "pen" : "highlighter", colour: "#204060", width: 1 + int(40), pts: encodeDeltas(abs) };
  }
  if (r < 0.5) return { t: "note", colour: "#ffee88", text: `n${int(100)}`, x: int(W - 400), y: int(H - 400), w: 64 + int(300), h: 64 + int(300) };
  if (r < 0.58 && existing.length > 0) {
    const note = existing.find((i) => i.k === "n");
    if (note) return { t: "note-edit", id: note.id, text: `e${int(100)}`, x: int(W - 400) };
  }
  if (r < 0.68 && existing.length > 0) return { t: "erase", ids: [existing[int(existing.length)]!.id, 1 + int(200)] };
  if (r < 0.83) return { t: "undo" };
  if (r < 0.95) return { t: "redo" };
  return rand() < 0.5 ? { t: "clear" } : { t: "template", name: (["blank", "grid", "swot", "retro", "kanban"] as const)[int(5)]! };
}

/**
 * (Also: a server restarted from a compaction snapshot taken at a random point plus the tail.)
 * Several people send operations at once; the server orders them (random interleaving), replicas
 * apply the resulting patches, one replica joins late from a snapshot, and a restarted server
 * replays the stored log. Everyone must end with the same board, and the replayed server must
 * keep the same undo stacks (its next undo/redo gives the same patches).
 */
function scenario(seed: number) {
  const rand = seededRandom(seed);
  const actors: Actor[] = [
    { person: "fac", mayClear: true, mayTemplate: true },
    { person: "p1", mayClear: false, mayTemplate: false },
    { person: "p2", mayClear: false, mayTemplate: false },
  ];
  const server = new BoardModel("b", W, H);
  const log: Array<{ actor: Actor; op: BoardOp }> = [];
  const early = new BoardReplica("b");
  early.applySnapshot(server.snapshot());
  const late = new BoardReplica("b");
  const steps = 150 + Math.floor(rand() * 150);
  for (let i = 0; i < steps; i++) {
    if (i === Math.floor(steps / 2)) late.applySnapshot(server.snapshot());
    const actor = actors[Math.floor(rand() * actors.length)]!;
    const op = randomOp(rand, server);
    const plan = server.plan(actor, op);
    if (!plan.ok) continue;
    log.push({ actor, op });
    const change = plan.commit();
    const patch = { board: "b", seq: server.seq, by: actor.person, ...change };
    early.applyPatch(patch);
    if (!late.stale) late.applyPatch(patch);
  }
  const restarted = new BoardModel("b", W, H);
  for (const { actor, op } of log) {
    const plan = restarted.plan(actor, op);
    if (!plan.ok) throw new Error(`replay refused ${op.t}: ${plan.reason}`);
    plan.commit();
  }
  // A restart from a compaction snapshot taken anywhere in the log, plus the tail after it.
  const cut = Math.floor(rand() * (log.length + 1));
  const head = new BoardModel("b", W, H);
  const replay = (board: BoardModel, part: typeof log) => {
    for (const { actor, op } of part) {
      const plan = board.plan(actor, op);
      if (!plan.ok) throw new Error(`replay refused ${op.t}: ${plan.reason}`);
      plan.commit();
    }
  };
  replay(head, log.slice(0, cut));
  const compacted = BoardModel.fromState(JSON.parse(JSON.stringify(head.saveState())) as ReturnType<BoardModel["saveState"]>);
  replay(compacted, log.slice(cut));
  const sorted = (r: BoardReplica) => [...r.items.values()].sort((a, b) => a.id - b.id);
  expect(sorted(early)).toEqual(server.snapshot().items);
  expect(sorted(late)).toEqual(server.snapshot().items);
  expect(restarted.snapshot()).toEqual(server.snapshot());
  expect(compacted.snapshot()).toEqual(server.snapshot());
  for (const actor of actors) {
    for (const t of ["undo", "redo", "undo"] as const) {
      const a = server.plan(actor, { t });
      const b = restarted.plan(actor, { t });
      const c = compacted.plan(actor, { t });
      const expected = a.ok ? a.commit() : a.reason;
      expect(b.ok ? b.commit() : b.reason).toEqual(expected);
      expect(c.ok ? c.commit() : c.reason).toEqual(expected);
    }
  }
}

describe("board sync fuzz", () => {
  // Seeds that ever failed are kept here as regression cases.
  const kept: number[] = [];
  it.each([...kept, ...Array.from({ length: 40 }, (_, i) => 1000 + i)])("seed %i converges", (seed) => scenario(seed));

  it("undoing all of one's own steps, with nobody else acting, restores the board", () => {
    const rand = seededRandom(7);
    for (let round = 0; round < 20; round++) {
      const b = new BoardModel("b", W, H);
      const other: Actor = { person: "o", mayClear: true, mayTemplate: true };
      for (let i = 0; i < 10; i++) {
        const p = b.plan(other, randomOp(rand, b));
        if (p.ok) p.commit();
      }
      const before = b.snapshot().items;
      const me: Actor = { person: "me", mayClear: true, mayTemplate: true };
      let done = 0;
      for (let i = 0; i < 15; i++) {
        const op = randomOp(rand, b);
        if (op.t === "undo" || op.t === "redo") continue;
        const p = b.plan(me, op);
        if (p.ok) (p.commit(), done++);
      }
      const after = b.snapshot().items;
      for (let i = 0; i < done; i++) {
        const p = b.plan(me, { t: "undo" });
        expect(p.ok).toBe(true);
        if (p.ok) p.commit();
      }
      expect(b.snapshot().items).toEqual(before);
      for (let i = 0; i < done; i++) {
        const p = b.plan(me, { t: "redo" });
        if (p.ok) p.commit();
      }
      expect(b.snapshot().items).toEqual(after);
    }
  });
});
