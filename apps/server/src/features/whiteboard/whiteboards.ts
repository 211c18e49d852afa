import {
  BOARD_UNITS,
  ServerMessage,
  boardUnitsHigh,
  type BoardInkMessage,
  type BoardOp,
  type BoardOpMessage,
  type BoardPatch,
  type BoardSnapshot,
  type PanelAnchor,
  type RejectionCode,
} from "@otc/contract";
import { RateLimiter } from "@otc/presence";
import { BoardModel, type Actor, type BoardState } from "@otc/whiteboard";
import type { Storage } from "../../storage/storage.js";

/** Accepted operations per person: a fast drawer commits a few strokes a second; undo can be held down. */
export const BOARD_OPS_PER_SECOND = 20;
export const BOARD_OPS_BURST = 40;
/** Live-ink chunks per person (the client sends at most 20 Hz). */
export const BOARD_INK_PER_SECOND = 30;
/**
 * Bytes of strokes and notes one person may store per 10 s (as a token bucket, so a burst of that
 * size is fine). Handwriting is ~1–2 KB a stroke, a few a second; the ops limit alone would let one
 * person store ~10 MB a minute of maximal strokes.
 */
export const BOARD_BYTES_PER_10S = 128 * 1024;
/** Compaction: a board's state is snapshotted once this many ops or bytes were stored since its last snapshot. */
export const COMPACT_EVERY_OPS = 500;
export const COMPACT_EVERY_BYTES = 1024 * 1024;

/** An operation as stored: who did it, with the rights they had then, so a replay decides the same. */
export interface StoredBoardOp {
  actor: Actor;
  op: BoardOp;
}

export type Refusal = { reason: RejectionCode; detail?: string };

export interface WhiteboardPort {
  storage: Storage;
  sessionId: string;
  anchors: readonly PanelAnchor[];
  now(): number;
  log(line: string): void;
  send(clientId: string, type: string, payload: unknown): void;
  broadcast(type: string, payload: unknown, exceptClientId?: string): void;
  /** Compaction thresholds (tests lower them); COMPACT_EVERY_OPS / COMPACT_EVERY_BYTES otherwise. */
  compaction?: { everyOps: number; everyBytes: number };
}

/** What a board has stored since its last snapshot. */
interface Tail {
  ops: number;
  bytes: number;
  compacting: Promise<void> | undefined;
}

/**
 * The whiteboards of one session (one per board anchor of the room file). Operations are
 * documents: checked by the board model, written to storage, and only then applied and broadcast
 * as a patch, one at a time in arrival order. Live ink is presence: rate-limited and relayed to
 * the others, never stored. The stored log is compacted: every few hundred ops (or MiB) a board's
 * whole state, undo stacks included, is stored as a snapshot that replaces the ops before it, so
 * opening a room replays one snapshot and a short tail per board, however long the session ran.
 */
export class Whiteboards {
  private readonly boards = new Map<string, BoardModel>();
  private readonly limits = new Map<string, { ops: RateLimiter; ink: RateLimiter; sync: RateLimiter }>();
  /** Per person (not per connection), so reconnecting does not refill it. */
  private readonly byteBudgets = new Map<string, RateLimiter>();
  private readonly tails = new Map<string, Tail>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly port: WhiteboardPort) {
    for (const a of port.anchors) this.boards.set(a.id, new BoardModel(a.id, BOARD_UNITS, boardUnitsHigh(a.width, a.height)));
    for (const id of this.boards.keys()) this.tails.set(id, { ops: 0, bytes: 0, compacting: undefined });
  }

  /** Rebuilds every board of the session (and its undo stacks) from its snapshot and the operations stored after it. */
  static async load(port: WhiteboardPort): Promise<Whiteboards> {
    const wb = new Whiteboards(port);
    const covered = new Map<string, number>();
    for (const snap of await port.storage.listBoardSnapshots<BoardState>(port.sessionId)) {
      const board = wb.boards.get(snap.boardId);
      if (!board || snap.body.v !== 1) {
        port.log(`whiteboards ${port.sessionId}: snapshot of ${snap.boardId} skipped (${board ? `version ${snap.body.v}` : "no such board"})`);
        continue;
      }
      // Sized from the room file as it is now, like a fresh board (a resized anchor keeps its items).
      wb.boards.set(board.id, BoardModel.fromState({ ...snap.body, id: board.id, w: board.w, h: board.h }));
      covered.set(board.id, snap.upToOpId);
    }
    const lastOp = new Map<string, number>();
    for (const record of await port.storage.listBoardOps<StoredBoardOp>(port.sessionId)) {
      if (record.id <= (covered.get(record.boardId) ?? 0)) continue; // already in the snapshot
      const board = wb.boards.get(record.boardId);
      const plan = board?.plan(record.body.actor, record.body.op);
      if (plan?.ok) plan.commit();
      else port.log(`whiteboards ${port.sessionId}: stored op ${record.id} on ${record.boardId} skipped (${plan ? plan.reason : "no such board"})`);
      const tail = wb.tails.get(record.boardId);
      if (board && tail) {
        tail.ops++;
        tail.bytes += JSON.stringify(record.body).length;
        lastOp.set(board.id, record.id);
      }
    }
    // A log stored before compaction existed (or grown past a failed snapshot) is compacted now.
    for (const [id, opId] of lastOp) wb.maybeCompact(wb.boards.get(id)!, opId);
    return wb;
  }

  /** Resolves once every queued operation and snapshot in flight has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await this.queue;
    await Promise.all([...this.tails.values()].map((t) => t.compacting));
  }

  snapshots(): BoardSnapshot[] {
    return [...this.boards.values()].map((b) => b.snapshot());
  }

  /** Sends every board, or the one asked for, to one client (after joining, reconnecting, or when its replica of that board went stale). */
  sync(clientId: string, board?: string): Refusal | undefined {
    if (board !== undefined && !this.boards.has(board)) return { reason: "invalid-message", detail: `no board ${board.slice(0, 64)}` };
    if (!this.limiter(clientId).sync.allow(this.port.now())) return { reason: "rate-limited" };
    const boards = board === undefined ? [...this.boards.values()] : [this.boards.get(board)!];
    for (const b of boards) this.port.send(clientId, ServerMessage.boardSnapshot, b.snapshot());
    return undefined;
  }

  /** Queues an operation behind the ones already in flight; resolves with a refusal or undefined when applied. */
  op(clientId: string, actor: Actor, msg: BoardOpMessage): Promise<Refusal | undefined> {
    if (!this.limiter(clientId).ops.allow(this.port.now())) return Promise.resolve({ reason: "rate-limited" });
    if (msg.op.t === "stroke" || msg.op.t === "note" || msg.op.t === "note-edit") {
      let budget = this.byteBudgets.get(actor.person);
      if (!budget) this.byteBudgets.set(actor.person, (budget = new RateLimiter(BOARD_BYTES_PER_10S / 10, BOARD_BYTES_PER_10S)));
      if (!budget.allow(this.port.now(), JSON.stringify(msg.op).length)) {
        return Promise.resolve({ reason: "rate-limited", detail: `board writes over ${BOARD_BYTES_PER_10S / 1024} KiB per 10 s` });
      }
    }
    const run = this.queue.then(() => this.apply(clientId, actor, msg));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(clientId: string, actor: Actor, msg: BoardOpMessage): Promise<Refusal | undefined> {
    const board = this.boards.get(msg.board);
    if (!board) return { reason: "invalid-message", detail: "no such board" };
    const plan = board.plan(actor, msg.op);
    if (!plan.ok) return plan.reason === "not-allowed" ? { reason: "not-allowed" } : { reason: "invalid-message", detail: plan.reason };
    const stored: StoredBoardOp = { actor, op: msg.op };
    let opId: number;
    try {
      opId = await this.port.storage.appendBoardOp(this.port.sessionId, board.id, stored, this.port.now());
    } catch (e) {
      this.port.log(`whiteboards ${this.port.sessionId}: could not store an operation: ${(e as Error).message}`);
      return { reason: "storage-failed" };
    }
    const change = plan.commit();
    const patch: BoardPatch = { board: board.id, seq: board.seq, by: clientId, put: change.put, del: change.del };
    if (msg.op.t === "stroke") patch.cid = msg.op.cid;
    this.port.broadcast(ServerMessage.boardPatch, patch);
    const tail = this.tails.get(board.id)!;
    tail.ops++;
    tail.bytes += JSON.stringify(stored).length;
    this.maybeCompact(board, opId);
    return undefined;
  }

  /**
   * Stores the board's state as of op `opId` (the one just applied: ops run one at a time, so the
   * state holds exactly the ops up to it) once its tail is long enough. Not awaited by the op: the
   * state is copied now, written in the background, and a failure only leaves a longer tail.
   */
  private maybeCompact(board: BoardModel, opId: number): void {
    const tail = this.tails.get(board.id)!;
    const { everyOps, everyBytes } = this.port.compaction ?? { everyOps: COMPACT_EVERY_OPS, everyBytes: COMPACT_EVERY_BYTES };
    if (tail.compacting || (tail.ops < everyOps && tail.bytes < everyBytes)) return;
    const state = board.saveState();
    const { ops, bytes } = tail;
    tail.ops = 0;
    tail.bytes = 0;
    tail.compacting = this.port.storage
      .putBoardSnapshot(this.port.sessionId, board.id, opId, state, this.port.now())
      .catch((e: unknown) => {
        tail.ops += ops;
        tail.bytes += bytes;
        this.port.log(`whiteboards ${this.port.sessionId}: could not store a snapshot of ${board.id} (${(e as Error).message}); its log stays longer until the next try`);
      })
      .finally(() => (tail.compacting = undefined));
  }

  /** Relays a live stroke chunk to everyone else. */
  ink(clientId: string, msg: BoardInkMessage): Refusal | undefined {
    if (!this.boards.has(msg.board)) return { reason: "invalid-message", detail: "no such board" };
    if (!this.limiter(clientId).ink.allow(this.port.now())) return { reason: "rate-limited" };
    this.port.broadcast(ServerMessage.boardInk, { ...msg, by: clientId }, clientId);
    return undefined;
  }

  forget(clientId: string): void {
    this.limits.delete(clientId);
  }

  private limiter(clientId: string) {
    let l = this.limits.get(clientId);
    if (!l) this.limits.set(clientId, (l = { ops: new RateLimiter(BOARD_OPS_PER_SECOND, BOARD_OPS_BURST), ink: new RateLimiter(BOARD_INK_PER_SECOND, BOARD_INK_PER_SECOND), sync: new RateLimiter(1, 4) }));
    return l;
  }
}
