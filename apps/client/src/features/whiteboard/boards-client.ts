import {
  ClientMessage,
  ServerMessage,
  type BoardInkBroadcast,
  type BoardOp,
  type BoardPatch,
  type BoardSnapshot,
  type BoardTool,
  type PanelAnchor,
} from "@otc/contract";
import { BoardReplica, decodeDeltas } from "@otc/whiteboard";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TrainingRoom } from "../connection/join-room.js";

/** A stroke still being drawn (someone else's from live ink, or our own): absolute points, board units. */
export interface LiveStroke {
  tool: BoardTool;
  colour: string;
  width: number;
  pts: number[];
  /** performance.now() of the last chunk, ms: abandoned strokes fade out. */
  at: number;
}

export type ToolKind = BoardTool | "eraser" | "note" | "look";

/** What the toolbar sets and the pointers read. */
export interface ToolState {
  tool: ToolKind;
  colour: string;
  /** Board units. */
  width: number;
  /** Text the next sticky note gets, and the note being edited (if one was picked). */
  noteText: string;
  noteColour: string;
  editingNote: number | null;
  /** The board last drawn on: where Ctrl+Z and the toolbar's undo apply. */
  activeBoard: string;
  set(patch: Partial<Omit<ToolState, "set">>): void;
}

/** Live strokes of others disappear after this long without a chunk (a drawer who left mid-stroke), ms; long, because someone may hold the pen still while thinking. */
const LIVE_TIMEOUT_MS = 60_000;

/**
 * The client side of the whiteboards: one replica per board (snapshot + ordered patches from the
 * server), everyone's live strokes, and the local tool. Renderers subscribe per board and get told
 * what changed, so they can draw incrementally.
 */
export class BoardsClient {
  readonly replicas = new Map<string, BoardReplica>();
  /** Per board: live strokes keyed by `${connection}:${cid}`. */
  readonly live = new Map<string, Map<string, LiveStroke>>();
  readonly tools: StoreApi<ToolState>;
  /** Boards covered by a read-only copy (the breakout gallery): drawing on them is off. */
  readonly covered = new Set<string>();
  private readonly listeners = new Map<string, Set<(patch: BoardPatch | null) => void>>();
  private readonly liveListeners = new Set<(board: string) => void>();
  private readonly offs: Array<() => void> = [];
  private nextCid = 1;

  constructor(
    readonly room: TrainingRoom,
    readonly anchors: readonly PanelAnchor[],
  ) {
    for (const a of anchors) {
      this.replicas.set(a.id, new BoardReplica(a.id));
      this.live.set(a.id, new Map());
    }
    this.tools = createStore<ToolState>((set) => ({
      tool: "pen",
      colour: "#1e3a8a",
      width: 12,
      noteText: "",
      noteColour: "#fff59d",
      editingNote: null,
      activeBoard: anchors[0]?.id ?? "",
      set: (patch) => set(patch),
    }));
    this.offs.push(room.onMessage(ServerMessage.boardSnapshot, (s: BoardSnapshot) => this.onSnapshot(s)));
    this.offs.push(room.onMessage(ServerMessage.boardPatch, (p: BoardPatch) => this.onPatch(p)));
    this.offs.push(room.onMessage(ServerMessage.boardInk, (m: BoardInkBroadcast) => this.onInk(m)));
    const resync = () => room.send(ClientMessage.boardSync, {});
    room.onReconnect(resync);
    this.offs.push(() => room.onReconnect.remove(resync));
    resync();
  }

  get selfId(): string {
    return this.room.sessionId;
  }

  /** Calls `fn` with each patch applied to `board`, or null when the whole board must be redrawn. */
  subscribe(board: string, fn: (patch: BoardPatch | null) => void): () => void {
    let set = this.listeners.get(board);
    if (!set) this.listeners.set(board, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  subscribeLive(fn: (board: string) => void): () => void {
    this.liveListeners.add(fn);
    return () => this.liveListeners.delete(fn);
  }

  send(board: string, op: BoardOp): void {
    this.room.send(ClientMessage.boardOp, { board, op });
  }

  newStrokeId(): number {
    return this.nextCid++;
  }

  /** Shows (or extends) one of our own strokes in the live layer. */
  setOwnLive(board: string, cid: number, stroke: LiveStroke | null): void {
    const key = `${this.selfId}:${cid}`;
    if (stroke) this.live.get(board)?.set(key, stroke);
    else this.live.get(board)?.delete(key);
    this.emitLive(board);
  }

  /** Drops live strokes whose drawer went quiet; returns the boards that changed. */
  expireLive(now: number): void {
    for (const [board, strokes] of this.live) {
      let changed = false;
      for (const [key, s] of strokes) if (now - s.at > LIVE_TIMEOUT_MS) (strokes.delete(key), (changed = true));
      if (changed) this.emitLive(board);
    }
  }

  dispose(): void {
    for (const off of this.offs) off();
  }

  private onSnapshot(s: BoardSnapshot): void {
    const replica = this.replicas.get(s.board);
    if (!replica) return;
    replica.applySnapshot(s);
    this.emit(s.board, null);
  }

  private onPatch(p: BoardPatch): void {
    const replica = this.replicas.get(p.board);
    if (!replica) return;
    if (p.cid !== undefined && this.live.get(p.board)?.delete(`${p.by}:${p.cid}`)) this.emitLive(p.board);
    if (!replica.applyPatch(p)) {
      this.room.send(ClientMessage.boardSync, { board: p.board }); // missed a patch: ask for that board again
      return;
    }
    this.emit(p.board, p);
  }

  private onInk(m: BoardInkBroadcast): void {
    const strokes = this.live.get(m.board);
    if (!strokes) return;
    const key = `${m.by}:${m.cid}`;
    const existing = strokes.get(key);
    const chunk = decodeDeltas(m.pts);
    if (m.from === 0 || !existing) {
      if (m.from !== 0) return; // joined mid-stroke: wait for the commit
      strokes.set(key, { tool: m.tool, colour: m.colour, width: m.width, pts: chunk, at: performance.now() });
    } else {
      const [lx, ly] = [existing.pts.at(-2) ?? 0, existing.pts.at(-1) ?? 0];
      for (let i = 0; i < chunk.length; i += 2) existing.pts.push(lx + chunk[i]!, ly + chunk[i + 1]!);
      existing.at = performance.now();
    }
    this.emitLive(m.board);
  }

  private emit(board: string, patch: BoardPatch | null): void {
    for (const fn of this.listeners.get(board) ?? []) fn(patch);
  }

  private emitLive(board: string): void {
    for (const fn of this.liveListeners) fn(board);
  }
}

const clients = new WeakMap<TrainingRoom, BoardsClient>();

/**
 * The whiteboards of a joined room, created on first use. Keyed by the room object, so a rejoin
 * (new room) starts afresh and the test hooks and the scene share one instance without a global.
 */
export function boardsClientFor(room: TrainingRoom, anchors: readonly PanelAnchor[]): BoardsClient {
  let c = clients.get(room);
  if (!c) clients.set(room, (c = new BoardsClient(room, anchors)));
  return c;
}
