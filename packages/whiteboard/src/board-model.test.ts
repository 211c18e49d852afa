import { boardOpSchema, type BoardOp } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { BoardModel, type Actor } from "./board-model.js";
import { BoardReplica } from "./board-replica.js";
import { encodeDeltas } from "./points.js";

const ann: Actor = { person: "ann", mayClear: false, mayTemplate: false };
const bob: Actor = { person: "bob", mayClear: false, mayTemplate: false };
const fac: Actor = { person: "fac", mayClear: true, mayTemplate: true };

const stroke = (x: number, y: number, cid = 0): BoardOp => ({ t: "stroke", cid, tool: "pen", colour: "#112233", width: 8, pts: encodeDeltas([x, y, x + 50, y + 20, x + 90, y - 10]) });

function run(board: BoardModel, actor: Actor, op: BoardOp) {
  const plan = board.plan(actor, op);
  if (!plan.ok) throw new Error(plan.reason);
  return plan.commit();
}

const ids = (b: BoardModel) => b.snapshot().items.map((i) => i.id);

describe("BoardModel", () => {
  it("assigns ids in order and leaves the board unchanged until commit", () => {
    const b = new BoardModel("b", 4096, 2048);
    const plan = b.plan(ann, stroke(10, 30));
    expect(plan.ok && plan.change.put[0]!.id).toBe(1);
    expect(b.size).toBe(0);
    if (plan.ok) plan.commit();
    run(b, bob, stroke(100, 100));
    expect(ids(b)).toEqual([1, 2]);
    expect(b.seq).toBe(2);
  });

  it("rejects each kind of bad operation", () => {
    const b = new BoardModel("b", 4096, 2048);
    const reason = (actor: Actor, op: BoardOp) => {
      const p = b.plan(actor, op);
      return p.ok ? "accepted" : p.reason;
    };
    expect(reason(ann, stroke(4050, 100))).toBe("stroke leaves the board");
    expect(reason(ann, stroke(10, 2040))).toBe("stroke leaves the board");
    expect(reason(ann, { t: "note", colour: "#ffee00", text: "x", x: 4000, y: 0, w: 200, h: 200 })).toBe("note leaves the board");
    expect(reason(ann, { t: "note-edit", id: 99, text: "y" })).toBe("no such note");
    expect(reason(ann, { t: "erase", ids: [5] })).toBe("nothing to erase");
    expect(reason(ann, { t: "undo" })).toBe("nothing to undo");
    expect(reason(ann, { t: "redo" })).toBe("nothing to redo");
    run(b, ann, stroke(10, 30));
    expect(reason(ann, { t: "clear" })).toBe("not-allowed");
    expect(reason(ann, { t: "template", name: "swot" })).toBe("not-allowed");
    expect(b.seq).toBe(1);
  });

  it("rejects malformed operations at the schema", () => {
    const bad: unknown[] = [
      { t: "stroke", cid: 0, tool: "pen", colour: "#112233", width: 8, pts: [1, 2, 3] },
      { t: "stroke", cid: 0, tool: "pen", colour: "red", width: 8, pts: [1, 2] },
      { t: "stroke", cid: 0, tool: "pen", colour: "#112233", width: 0, pts: [1, 2] },
      { t: "stroke", cid: 0, tool: "pen", colour: "#112233", width: 8, pts: [1.5, 2] },
      { t: "stroke", cid: 0, tool: "pen", colour: "#112233", width: 8, pts: new Array(2002).fill(1) },
      { t: "note", colour: "#ffee00", text: "x".repeat(281), x: 0, y: 0, w: 200, h: 200 },
      { t: "erase", ids: [] },
      { t: "template", name: "nope" },
      { t: "explode" },
    ];
    for (const op of bad) expect(boardOpSchema.safeParse(op).success, JSON.stringify(op).slice(0, 80)).toBe(false);
  });

  it("undoes and redoes only one's own steps, newest first", () => {
    const b = new BoardModel("b", 4096, 2048);
    run(b, ann, stroke(10, 30));
    run(b, bob, stroke(100, 100));
    run(b, ann, stroke(200, 200));
    expect(run(b, ann, { t: "undo" })).toEqual({ put: [], del: [3] });
    expect(ids(b)).toEqual([1, 2]);
    run(b, ann, { t: "undo" });
    expect(ids(b)).toEqual([2]);
    run(b, ann, { t: "redo" });
    expect(ids(b)).toEqual([1, 2]);
    // a new step forgets what could be redone
    run(b, ann, stroke(300, 300));
    expect(b.plan(ann, { t: "redo" }).ok).toBe(false);
    expect(ids(b)).toEqual([1, 2, 4]);
  });

  it("undoes erases, note edits, clears and templates", () => {
    const b = new BoardModel("b", 4096, 2048);
    run(b, ann, stroke(10, 30));
    run(b, ann, { t: "note", colour: "#ffee00", text: "idea", x: 100, y: 100, w: 400, h: 300 });
    run(b, bob, { t: "note-edit", id: 2, text: "better idea" });
    expect(b.snapshot().items[1]).toMatchObject({ text: "better idea" });
    run(b, bob, { t: "undo" });
    expect(b.snapshot().items[1]).toMatchObject({ text: "idea" });
    run(b, bob, { t: "erase", ids: [1, 2] });
    expect(ids(b)).toEqual([]);
    run(b, bob, { t: "undo" });
    expect(ids(b)).toEqual([1, 2]);
    run(b, fac, { t: "clear" });
    run(b, ann, stroke(500, 500));
    run(b, fac, { t: "undo" });
    expect(ids(b)).toEqual([1, 2, 3]);
    run(b, fac, { t: "template", name: "swot" });
    expect(b.snapshot().items.filter((i) => i.k === "n").map((n) => (n.k === "n" ? n.text : ""))).toEqual(["Strengths", "Weaknesses", "Opportunities", "Threats"]);
    run(b, fac, { t: "undo" });
    expect(ids(b)).toEqual([1, 2, 3]);
  });

  it("round-trips an exported board through import onto another board, undoably", () => {
    const a = new BoardModel("a", 4096, 2048);
    run(a, ann, stroke(10, 30));
    run(a, ann, { t: "note", colour: "#ffee00", text: "idea", x: 100, y: 100, w: 400, h: 300 });
    run(a, ann, { t: "erase", ids: [1] });
    run(a, ann, stroke(500, 500));
    const exported = JSON.parse(JSON.stringify({ board: "a", w: a.w, h: a.h, items: a.snapshot().items }));
    const b = new BoardModel("b", 4096, 2048);
    run(b, bob, stroke(900, 900));
    const items = exported.items.map(({ id: _id, ...rest }: { id: number }) => rest);
    const parsed = boardOpSchema.parse({ t: "import", items });
    expect(b.plan(bob, parsed).ok).toBe(false); // participants may not import
    run(b, fac, parsed);
    const strip = (m: BoardModel) => m.snapshot().items.map(({ id: _id, ...rest }) => rest);
    expect(strip(b).slice(1)).toEqual(strip(a));
    run(b, fac, { t: "undo" });
    expect(ids(b)).toEqual([1]);
    const small = new BoardModel("c", 1000, 500);
    expect(small.plan(fac, parsed).ok).toBe(false); // does not fit a smaller board
  });

  it("does not resurrect what someone else erased when undoing an edit", () => {
    const b = new BoardModel("b", 4096, 2048);
    run(b, ann, { t: "note", colour: "#ffee00", text: "a", x: 100, y: 100, w: 400, h: 300 });
    run(b, ann, { t: "note-edit", id: 1, text: "b" });
    run(b, bob, { t: "erase", ids: [1] });
    expect(run(b, ann, { t: "undo" })).toEqual({ put: [], del: [] });
    expect(ids(b)).toEqual([]);
  });

  it("keeps a replica equal to the board through patches", () => {
    const b = new BoardModel("b", 4096, 2048);
    const r = new BoardReplica("b");
    r.applySnapshot(b.snapshot());
    for (const op of [stroke(10, 30), stroke(40, 60), { t: "erase", ids: [1] } as BoardOp, { t: "undo" } as BoardOp]) {
      const change = run(b, ann, op);
      expect(r.applyPatch({ board: "b", seq: b.seq, by: "c1", ...change })).toBe(true);
    }
    expect([...r.items.values()].sort((x, y) => x.id - y.id)).toEqual(b.snapshot().items);
    expect(r.applyPatch({ board: "b", seq: b.seq + 2, by: "c1", put: [], del: [] })).toBe(false);
    expect(r.stale).toBe(true);
  });

  it("saves its state with each item once, however many undo steps hold it", () => {
    const b = new BoardModel("b", 4096, 2048);
    for (let i = 0; i < 200; i++) run(b, ann, stroke(10 + (i % 40) * 90, 30 + Math.floor(i / 40) * 300, i));
    // Twenty facilitators each clear and undo: twenty redo steps hold the whole board.
    const facs = Array.from({ length: 20 }, (_, i): Actor => ({ ...fac, person: `fac${i}` }));
    for (const f of facs) (run(b, f, { t: "clear" }), run(b, f, { t: "undo" }));
    const state = JSON.stringify(b.saveState());
    expect(state.length).toBeLessThan(2 * JSON.stringify(b.snapshot().items).length);
    const restored = BoardModel.fromState(JSON.parse(state) as ReturnType<BoardModel["saveState"]>);
    expect(restored.snapshot()).toEqual(b.snapshot());
    expect(run(restored, facs[7]!, { t: "redo" })).toEqual(run(b, facs[7]!, { t: "redo" }));
    expect(restored.snapshot()).toEqual(b.snapshot());
  });
});
