import { z } from "zod";
import { colourSchema } from "./join.js";

/**
 * Whiteboard wire format. Coordinates are integers in board units: the board's width is
 * BOARD_UNITS (x to the right), y grows downwards up to `boardUnitsHigh(width, height)`.
 * Stroke points travel as one flat array: the first point absolute, every next one as a delta.
 */
export const BOARD_UNITS = 4096;
/** Most points in one committed stroke (the client simplifies and splits longer ones). */
export const MAX_STROKE_POINTS = 1000;
/** Largest single delta or coordinate on the wire, board units. */
export const MAX_BOARD_COORD = 16_384;
export const MAX_NOTE_TEXT = 280;
/** Items (strokes and notes) on one board; more is refused. */
export const MAX_BOARD_ITEMS = 6000;
/** Items one erase may remove. */
export const MAX_ERASE_IDS = 200;
export const MAX_STROKE_WIDTH = 256;
export const BOARD_TOOLS = ["pen", "highlighter"] as const;
export type BoardTool = (typeof BOARD_TOOLS)[number];
export const BOARD_TEMPLATES = ["blank", "grid", "swot", "retro", "kanban"] as const;
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number];

/** Height of a board in board units for an anchor of `width` × `height` metres. */
export function boardUnitsHigh(width: number, height: number): number {
  return Math.round((BOARD_UNITS * height) / width);
}

const coord = z.number().int().min(-MAX_BOARD_COORD).max(MAX_BOARD_COORD);
const boardId = z.string().min(1).max(40);
const itemId = z.number().int().min(1).max(2 ** 31);
/** Client's own number for a stroke being drawn, so its live preview can be matched to the commit. */
const clientStrokeId = z.number().int().min(0).max(2 ** 31);
const strokePoints = z
  .array(coord)
  .min(2)
  .max(MAX_STROKE_POINTS * 2)
  .refine((a) => a.length % 2 === 0, "points come in x, y pairs");
/** Most items one import operation may add (a bigger board is imported in several operations). */
export const MAX_IMPORT_ITEMS = 400;
const noteBox = { x: coord, y: coord, w: z.number().int().min(64).max(2048), h: z.number().int().min(64).max(2048) };

export const boardOpSchema = z.discriminatedUnion("t", [
  z.object({
    t: z.literal("stroke"),
    cid: clientStrokeId,
    tool: z.enum(BOARD_TOOLS),
    colour: colourSchema,
    width: z.number().int().min(1).max(MAX_STROKE_WIDTH),
    pts: strokePoints,
  }),
  z.object({ t: z.literal("note"), colour: colourSchema, text: z.string().max(MAX_NOTE_TEXT), ...noteBox }),
  z.object({
    t: z.literal("note-edit"),
    id: itemId,
    colour: colourSchema.optional(),
    text: z.string().max(MAX_NOTE_TEXT).optional(),
    x: coord.optional(),
    y: coord.optional(),
    w: noteBox.w.optional(),
    h: noteBox.h.optional(),
  }),
  z.object({ t: z.literal("erase"), ids: z.array(itemId).min(1).max(MAX_ERASE_IDS) }),
  z.object({ t: z.literal("undo") }),
  z.object({ t: z.literal("redo") }),
  /** Facilitators only (`board-clear`); undoable by whoever cleared. */
  z.object({ t: z.literal("clear") }),
  /** Facilitators only (`board-template`): replaces the board with a template; undoable. */
  z.object({ t: z.literal("template"), name: z.enum(BOARD_TEMPLATES) }),
  /** Facilitators only (`board-template`): adds items from an exported JSON document on top; undoable. */
  z.object({
    t: z.literal("import"),
    items: z
      .array(
        z.discriminatedUnion("k", [
          z.object({ k: z.literal("s"), tool: z.enum(BOARD_TOOLS), colour: colourSchema, width: z.number().int().min(1).max(MAX_STROKE_WIDTH), pts: strokePoints }),
          z.object({ k: z.literal("n"), colour: colourSchema, text: z.string().max(MAX_NOTE_TEXT), ...noteBox }),
        ]),
      )
      .min(1)
      .max(MAX_IMPORT_ITEMS),
  }),
]);
export type BoardOp = z.output<typeof boardOpSchema>;

/** Client → server: one operation on one board (a document change: validated, stored, replayed). */
export const boardOpMessageSchema = z.object({ board: boardId, op: boardOpSchema });
export type BoardOpMessage = z.output<typeof boardOpMessageSchema>;

/** Client → server: a chunk of a stroke still being drawn (presence: relayed, never stored). */
export const boardInkMessageSchema = z.object({
  board: boardId,
  cid: clientStrokeId,
  /** Index of the chunk's first point in the stroke; 0 starts a stroke (first pair absolute). */
  from: z.number().int().min(0).max(MAX_STROKE_POINTS * 4),
  tool: z.enum(BOARD_TOOLS),
  colour: colourSchema,
  width: z.number().int().min(1).max(MAX_STROKE_WIDTH),
  pts: z
    .array(coord)
    .min(2)
    .max(256)
    .refine((a) => a.length % 2 === 0, "points come in x, y pairs"),
});
export type BoardInkMessage = z.output<typeof boardInkMessageSchema>;

/** A committed stroke as stored and sent; ids are assigned by the server in order (the drawing order). */
export interface WireStroke {
  k: "s";
  id: number;
  tool: BoardTool;
  colour: string;
  width: number;
  pts: number[];
}
export interface WireNote {
  k: "n";
  id: number;
  colour: string;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
}
export type WireItem = WireStroke | WireNote;

/** Server → client: a board as it is now (on request, after joining or reconnecting). */
export interface BoardSnapshot {
  board: string;
  /** Board size in board units. */
  w: number;
  h: number;
  seq: number;
  items: WireItem[];
}

/** Server → client: what one accepted operation changed. Replicas apply patches in order. */
export interface BoardPatch {
  board: string;
  seq: number;
  /** Connection id of whoever caused it, and their client stroke id for a committed stroke. */
  by: string;
  cid?: number;
  put: WireItem[];
  del: number[];
}

/** Server → others: a live stroke chunk, stamped with its drawer's connection id. */
export type BoardInkBroadcast = BoardInkMessage & { by: string };

export const WhiteboardMessage = {
  boardOp: "board.op",
  boardInk: "board.ink",
  /** Client → server: send me every board (no payload beyond `{}`). */
  boardSync: "board.sync",
} as const;

export const WhiteboardServerMessage = {
  boardSnapshot: "board.snapshot",
  boardPatch: "board.patch",
  boardInk: "board.ink",
} as const;

export const boardSyncMessageSchema = z.object({ board: z.string().min(1).max(64).optional() }).strict();
