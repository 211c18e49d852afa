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
import { BoardModel, type Actor } from "@otc/whiteboard";
import type { Storage } from "../../storage/storage.js";

/** Accepted operations per person: a fast drawer commits a few strokes a second; undo can be held down. */
export const BOARD_OPS_PER_SECOND = 20;
export const BOARD_OPS_BURST = 40;
/** Live-ink chunks per person (the client sends at most 20 Hz). */
export const BOARD_INK_PER_SECOND = 30;

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
}

/**
 * The whiteboards of one session (one per board anchor of the room file). Operations are
 * documents: checked by the board model, written to storage, and only then applied and broadcast
 * as a patch, one at a time in arrival order. Live ink is presence: rate-limited and relayed to
 * the others, never stored.
 */
export class Whiteboards {
  private readonly boards = new Map<string, BoardModel>();
  private readonly limits = new Map<string, { ops: RateLimiter; ink: RateLimiter; sync: RateLimiter }>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly port: WhiteboardPort) {
    for (const a of port.anchors) this.boards.set(a.id, new BoardModel(a.id, BOARD_UNITS, boardUnitsHigh(a.width, a.height)));
  }

  /** Rebuilds every board of the session (and its undo stacks) from the stored operations. */
  static async load(port: WhiteboardPort): Promise<Whiteboards> {
    const wb = new Whiteboards(port);
    for (const record of await port.storage.listBoardOps<StoredBoardOp>(port.sessionId)) {
      const board = wb.boards.get(record.boardId);
      const plan = board?.plan(record.body.actor, record.body.op);
      if (plan?.ok) plan.commit();
      else port.log(`whiteboards ${port.sessionId}: stored op ${record.id} on ${record.boardId} skipped (${plan ? plan.reason : "no such board"})`);
    }
    return wb;
  }

  snapshots(): BoardSnapshot[] {
    return [...this.boards.values()].map((b) => b.snapshot());
  }

  /** Sends every board to one client (after joining, reconnecting, or when its replica went stale). */
  sync(clientId: string): Refusal | undefined {
    if (!this.limiter(clientId).sync.allow(this.port.now())) return { reason: "rate-limited" };
    for (const snapshot of this.snapshots()) this.port.send(clientId, ServerMessage.boardSnapshot, snapshot);
    return undefined;
  }

  /** Queues an operation behind the ones already in flight; resolves with a refusal or undefined when applied. */
  op(clientId: string, actor: Actor, msg: BoardOpMessage): Promise<Refusal | undefined> {
    if (!this.limiter(clientId).ops.allow(this.port.now())) return Promise.resolve({ reason: "rate-limited" });
    const run = this.queue.then(() => this.apply(clientId, actor, msg));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(clientId: string, actor: Actor, msg: BoardOpMessage): Promise<Refusal | undefined> {
    const board = this.boards.get(msg.board);
    if (!board) return { reason: "invalid-message", detail: "no such board" };
    const plan = board.plan(actor, msg.op);
    if (!plan.ok) return plan.reason === "not-allowed" ? { reason: "not-allowed" } : { reason: "invalid-message", detail: plan.reason };
    try {
      await this.port.storage.appendBoardOp(this.port.sessionId, board.id, { actor, op: msg.op } satisfies StoredBoardOp, this.port.now());
    } catch (e) {
      this.port.log(`whiteboards ${this.port.sessionId}: could not store an operation: ${(e as Error).message}`);
      return { reason: "storage-failed" };
    }
    const change = plan.commit();
    const patch: BoardPatch = { board: board.id, seq: board.seq, by: clientId, put: change.put, del: change.del };
    if (msg.op.t === "stroke") patch.cid = msg.op.cid;
    this.port.broadcast(ServerMessage.boardPatch, patch);
    return undefined;
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
