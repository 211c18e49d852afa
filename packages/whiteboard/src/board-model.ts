import { MAX_BOARD_ITEMS, type BoardOp, type BoardSnapshot, type WireItem, type WireNote } from "@otc/contract";
import { decodeDeltas, pointsInside } from "./points.js";
import { templateItems } from "./templates.js";

/** Who is acting and what their role lets them do (decided by the server, from `can()`). */
export interface Actor {
  /** Stable person id (survives reconnects and restarts): undo stacks are per person. */
  person: string;
  mayClear: boolean;
  mayTemplate: boolean;
}

/** What an accepted operation changes: ids deleted first, then items put (inserted or replaced). */
export interface BoardChange {
  put: WireItem[];
  del: number[];
}

/** One undoable step: the items it took away and the items it added (a note edit does both, same id). */
interface Step {
  removed: WireItem[];
  added: WireItem[];
}

/** A step as stored: indices into the state's item pool (removed, added). */
type StoredStep = [removed: number[], added: number[]];

/**
 * Everything a board needs to continue as if its whole log had been replayed: items, the next id,
 * the patch counter and every person's undo and redo stacks (each at most UNDO_DEPTH steps, so the
 * state stays bounded however long the log grew). Plain JSON, stored as a compaction snapshot.
 * Items are written once in `pool` and referred to by index: the board and any number of steps
 * share the same items (a clear undone and redone fifty times holds one copy of the board).
 */
export interface BoardState {
  v: 1;
  id: string;
  w: number;
  h: number;
  seq: number;
  nextId: number;
  pool: WireItem[];
  items: number[];
  undo: Array<[person: string, steps: StoredStep[]]>;
  redo: Array<[person: string, steps: StoredStep[]]>;
}

export type Plan = { ok: true; change: BoardChange; commit: () => BoardChange } | { ok: false; reason: string };

/** Undo steps kept per person. */
export const UNDO_DEPTH = 100;

/**
 * One board as the server holds it. `plan` checks an operation against the current board without
 * changing it; `commit` (called once the operation is stored) applies it, assigns ids in order and
 * records the step on the person's undo stack. Deterministic: the same ordered operations from the
 * same people give the same board and the same undo stacks, which is how a restarted server
 * rebuilds boards from the stored log.
 */
export class BoardModel {
  private readonly items = new Map<number, WireItem>();
  private readonly undo = new Map<string, Step[]>();
  private readonly redo = new Map<string, Step[]>();
  private nextId = 1;
  seq = 0;

  constructor(
    readonly id: string,
    readonly w: number,
    readonly h: number,
  ) {}

  get size(): number {
    return this.items.size;
  }

  snapshot(): BoardSnapshot {
    return { board: this.id, w: this.w, h: this.h, seq: this.seq, items: [...this.items.values()].sort((a, b) => a.id - b.id) };
  }

  /** The board's full state, for a snapshot (see BoardState). */
  saveState(): BoardState {
    const pool: WireItem[] = [];
    const index = new Map<WireItem, number>();
    const ref = (item: WireItem): number => {
      let i = index.get(item);
      if (i === undefined) index.set(item, (i = pool.push(item) - 1));
      return i;
    };
    const stacks = (m: Map<string, Step[]>) =>
      [...m].filter(([, steps]) => steps.length > 0).map(([p, steps]): [string, StoredStep[]] => [p, steps.map((s) => [s.removed.map(ref), s.added.map(ref)])]);
    const items = [...this.items.values()].map(ref);
    return { v: 1, id: this.id, w: this.w, h: this.h, seq: this.seq, nextId: this.nextId, pool, items, undo: stacks(this.undo), redo: stacks(this.redo) };
  }

  /** A board that continues from a saved state exactly as the board that saved it would. */
  static fromState(state: BoardState): BoardModel {
    const board = new BoardModel(state.id, state.w, state.h);
    const item = (i: number): WireItem => state.pool[i]!;
    const steps = (stored: StoredStep[]): Step[] => stored.map(([removed, added]) => ({ removed: removed.map(item), added: added.map(item) }));
    board.seq = state.seq;
    board.nextId = state.nextId;
    for (const i of state.items) board.items.set(item(i).id, item(i));
    for (const [person, stored] of state.undo) board.undo.set(person, steps(stored));
    for (const [person, stored] of state.redo) board.redo.set(person, steps(stored));
    return board;
  }

  /** Checks `op` by `actor`; on success the returned `commit` applies it (call it at most once, before any other plan). */
  plan(actor: Actor, op: BoardOp): Plan {
    const result = this.stepFor(actor, op);
    if ("reason" in result) return { ok: false, reason: result.reason };
    const { step, history } = result;
    const change = this.changeFor(step);
    return {
      ok: true,
      change,
      commit: () => {
        this.seq++;
        if (history === "new") {
          this.nextId += step.added.filter((i) => !step.removed.some((r) => r.id === i.id)).length;
          push(this.undo, actor.person, step);
          this.redo.delete(actor.person);
        } else if (history === "undo") move(this.undo, this.redo, actor.person);
        else move(this.redo, this.undo, actor.person);
        for (const id of change.del) this.items.delete(id);
        for (const item of change.put) this.items.set(item.id, item);
        return change;
      },
    };
  }

  private stepFor(actor: Actor, op: BoardOp): { step: Step; history: "new" | "undo" | "redo" } | { reason: string } {
    const fresh = (step: Step) => ({ step, history: "new" as const });
    switch (op.t) {
      case "stroke": {
        if (!pointsInside(decodeDeltas(op.pts), this.w, this.h)) return { reason: "stroke leaves the board" };
        if (this.items.size >= MAX_BOARD_ITEMS) return { reason: "the board is full" };
        return fresh({ removed: [], added: [{ k: "s", id: this.nextId, tool: op.tool, colour: op.colour, width: op.width, pts: op.pts }] });
      }
      case "note": {
        const note: WireNote = { k: "n", id: this.nextId, colour: op.colour, x: op.x, y: op.y, w: op.w, h: op.h, text: op.text };
        if (!this.noteInside(note)) return { reason: "note leaves the board" };
        if (this.items.size >= MAX_BOARD_ITEMS) return { reason: "the board is full" };
        return fresh({ removed: [], added: [note] });
      }
      case "note-edit": {
        const before = this.items.get(op.id);
        if (!before || before.k !== "n") return { reason: "no such note" };
        const after: WireNote = {
          ...before,
          colour: op.colour ?? before.colour,
          text: op.text ?? before.text,
          x: op.x ?? before.x,
          y: op.y ?? before.y,
          w: op.w ?? before.w,
          h: op.h ?? before.h,
        };
        if (!this.noteInside(after)) return { reason: "note leaves the board" };
        return fresh({ removed: [before], added: [after] });
      }
      case "erase": {
        const removed = [...new Set(op.ids)].map((id) => this.items.get(id)).filter((i): i is WireItem => i !== undefined);
        if (removed.length === 0) return { reason: "nothing to erase" };
        return fresh({ removed, added: [] });
      }
      case "clear": {
        if (!actor.mayClear) return { reason: "not-allowed" };
        if (this.items.size === 0) return { reason: "the board is already empty" };
        return fresh({ removed: [...this.items.values()], added: [] });
      }
      case "template": {
        if (!actor.mayTemplate) return { reason: "not-allowed" };
        const added = templateItems(op.name, this.w, this.h).map((item, i) => ({ ...item, id: this.nextId + i }) as WireItem);
        return fresh({ removed: [...this.items.values()], added });
      }
      case "import": {
        if (!actor.mayTemplate) return { reason: "not-allowed" };
        if (this.items.size + op.items.length > MAX_BOARD_ITEMS) return { reason: "the board is full" };
        const added = op.items.map((item, i) => ({ ...item, id: this.nextId + i }) as WireItem);
        const outside = added.some((i) => (i.k === "s" ? !pointsInside(decodeDeltas(i.pts), this.w, this.h) : !this.noteInside(i)));
        if (outside) return { reason: "an imported item leaves the board" };
        return fresh({ removed: [], added });
      }
      case "undo": {
        const step = this.undo.get(actor.person)?.at(-1);
        if (!step) return { reason: "nothing to undo" };
        return { step: { removed: step.added, added: step.removed }, history: "undo" };
      }
      case "redo": {
        const step = this.redo.get(actor.person)?.at(-1);
        if (!step) return { reason: "nothing to redo" };
        return { step: { removed: step.removed, added: step.added }, history: "redo" };
      }
    }
  }

  /**
   * The patch for a step against the board as it is now: what others changed since is respected
   * (an item someone else erased is not resurrected by undoing its edit, only by undoing the erase).
   */
  private changeFor(step: Step): BoardChange {
    const addedIds = new Set(step.added.map((i) => i.id));
    const del = step.removed.filter((i) => this.items.has(i.id) && !addedIds.has(i.id)).map((i) => i.id);
    const put = step.added.filter((i) => {
      const replacing = step.removed.some((r) => r.id === i.id);
      return replacing ? this.items.has(i.id) : true;
    });
    return { put, del };
  }

  private noteInside(n: WireNote): boolean {
    return n.x >= 0 && n.y >= 0 && n.x + n.w <= this.w && n.y + n.h <= this.h;
  }
}

function push(stacks: Map<string, Step[]>, person: string, step: Step): void {
  const stack = stacks.get(person) ?? [];
  stack.push(step);
  if (stack.length > UNDO_DEPTH) stack.shift();
  stacks.set(person, stack);
}

/** Undo moves the person's last step onto their redo stack, redo moves it back. */
function move(from: Map<string, Step[]>, to: Map<string, Step[]>, person: string): void {
  const step = from.get(person)?.pop();
  if (step) push(to, person, step);
}
