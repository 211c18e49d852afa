import { ClientMessage, MAX_STROKE_POINTS } from "@otc/contract";
import { encodeDeltas, itemsAt, simplify } from "@otc/whiteboard";
import type { BoardsClient, LiveStroke } from "./boards-client.js";

/** Live ink goes out at most this often, ms (20 Hz, the presence rate). */
const INK_INTERVAL_MS = 50;
const INK_CHUNK_POINTS = 120;
/** Points closer than this to the previous one are skipped while drawing; tolerance of the simplifier (board units). */
const MIN_STEP = 3;
const SIMPLIFY_TOLERANCE = 2;
const ERASER_RADIUS = 24;
/** A new sticky note's size, board units. */
export const NOTE_SIZE = { w: 640, h: 440 };

/**
 * What one press-drag-release on a board does with the current tool. The same gestures serve the
 * desktop mouse and a VR controller ray; positions are board units.
 */
export interface BoardGesture {
  move(x: number, y: number, now: number): void;
  end(now: number): void;
}

export function startGesture(client: BoardsClient, board: string, x: number, y: number, now: number): BoardGesture | null {
  const tools = client.tools.getState();
  tools.set({ activeBoard: board });
  switch (tools.tool) {
    case "pen":
    case "highlighter":
      return new StrokeGesture(client, board, { tool: tools.tool, colour: tools.colour, width: tools.tool === "highlighter" ? tools.width * 3 : tools.width, pts: [x, y], at: now });
    case "eraser":
      return new EraseGesture(client, board, x, y, now);
    case "note":
      placeOrPickNote(client, board, x, y);
      return null;
    case "look":
      return null;
  }
}

class StrokeGesture implements BoardGesture {
  private readonly cid: number;
  private sent = 0; // points already sent as live ink
  private lastInk = -Infinity;

  constructor(
    private readonly client: BoardsClient,
    private readonly board: string,
    private readonly stroke: LiveStroke,
  ) {
    this.cid = client.newStrokeId();
    client.setOwnLive(board, this.cid, stroke);
    this.flush(stroke.at, true);
  }

  move(x: number, y: number, now: number): void {
    const { pts } = this.stroke;
    if (Math.hypot(x - pts.at(-2)!, y - pts.at(-1)!) < MIN_STEP) return;
    pts.push(x, y);
    this.stroke.at = now;
    this.client.setOwnLive(this.board, this.cid, this.stroke);
    this.flush(now, false);
  }

  end(now: number): void {
    this.flush(now, true);
    const all = simplify(this.stroke.pts, SIMPLIFY_TOLERANCE);
    // A stroke longer than the wire allows goes as several strokes, each starting where the last ended.
    for (let i = 0; i < all.length / 2; i += MAX_STROKE_POINTS - 1) {
      const part = all.slice(i * 2, (i + MAX_STROKE_POINTS) * 2);
      if (part.length < 2 || (i > 0 && part.length < 4)) break;
      const { tool, colour, width } = this.stroke;
      this.client.send(this.board, { t: "stroke", cid: this.cid, tool: tool === "highlighter" ? "highlighter" : "pen", colour, width, pts: encodeDeltas(part) });
    }
  }

  /** Sends the points drawn since the last chunk (live ink: others see the stroke grow). */
  private flush(now: number, force: boolean): void {
    const { pts, tool, colour, width } = this.stroke;
    const total = pts.length / 2;
    if (this.sent >= total || (!force && now - this.lastInk < INK_INTERVAL_MS)) return;
    this.lastInk = now;
    while (this.sent < total) {
      const from = this.sent;
      const to = Math.min(total, from + INK_CHUNK_POINTS);
      const chunk = pts.slice(from * 2, to * 2);
      const deltas = encodeDeltas(chunk);
      if (from > 0) [deltas[0], deltas[1]] = [chunk[0]! - pts[from * 2 - 2]!, chunk[1]! - pts[from * 2 - 1]!];
      this.client.room.send(ClientMessage.boardInk, { board: this.board, cid: this.cid, from, tool, colour, width, pts: deltas });
      this.sent = to;
    }
  }
}

class EraseGesture implements BoardGesture {
  private readonly erased = new Set<number>();
  private pending: number[] = [];
  private lastSent = -Infinity;

  constructor(
    private readonly client: BoardsClient,
    private readonly board: string,
    x: number,
    y: number,
    now: number,
  ) {
    this.move(x, y, now);
  }

  move(x: number, y: number, now: number): void {
    const replica = this.client.replicas.get(this.board);
    if (!replica) return;
    for (const id of itemsAt(replica.items.values(), x, y, ERASER_RADIUS)) {
      if (!this.erased.has(id)) (this.erased.add(id), this.pending.push(id));
    }
    if (now - this.lastSent >= 100) this.flush(now);
  }

  end(now: number): void {
    this.flush(now);
  }

  private flush(now: number): void {
    if (this.pending.length === 0) return;
    this.client.send(this.board, { t: "erase", ids: this.pending.splice(0, 200) });
    this.lastSent = now;
  }
}

/** Note tool: a click on a note picks it for editing, a click elsewhere places a new note. */
function placeOrPickNote(client: BoardsClient, board: string, x: number, y: number): void {
  const replica = client.replicas.get(board);
  const tools = client.tools.getState();
  if (!replica) return;
  const hit = itemsAt(replica.items.values(), x, y, 0)
    .map((id) => replica.items.get(id))
    .filter((i) => i?.k === "n")
    .at(-1);
  if (hit && hit.k === "n") return tools.set({ editingNote: hit.id, noteText: hit.text });
  const nx = Math.round(Math.max(0, Math.min(replica.w - NOTE_SIZE.w, x - NOTE_SIZE.w / 2)));
  const ny = Math.round(Math.max(0, Math.min(replica.h - NOTE_SIZE.h, y - NOTE_SIZE.h / 2)));
  client.send(board, { t: "note", colour: tools.noteColour, text: tools.noteText.trim() || "…", x: nx, y: ny, ...NOTE_SIZE });
  tools.set({ editingNote: null });
}
