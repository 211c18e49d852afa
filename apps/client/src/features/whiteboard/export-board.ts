import { MAX_IMPORT_ITEMS, boardOpSchema, type BoardOp } from "@otc/contract";
import { boardToSvg, type BoardReplica } from "@otc/whiteboard";
import { drawBoard, PIXELS_PER_UNIT } from "./board-painter.js";

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The board as a PNG the size of its texture, drawn by the same painter as the 3D board. */
export async function boardPng(replica: BoardReplica): Promise<Blob> {
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(replica.w * PIXELS_PER_UNIT);
  canvas.height = Math.round(replica.h * PIXELS_PER_UNIT);
  drawBoard(canvas.getContext("2d")!, replica.ordered());
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
}

export async function downloadBoard(replica: BoardReplica, format: "png" | "svg" | "json", sessionId: string): Promise<void> {
  const name = `${sessionId}-${replica.id}.${format}`;
  if (format === "png") return download(name, await boardPng(replica));
  if (format === "svg") return download(name, new Blob([boardToSvg(replica.ordered(), replica.w, replica.h)], { type: "image/svg+xml" }));
  const doc = { board: replica.id, w: replica.w, h: replica.h, items: replica.ordered() };
  download(name, new Blob([JSON.stringify(doc)], { type: "application/json" }));
}

/**
 * Sends an exported JSON board back as import operations (facilitators), in slices the server
 * accepts. Returns how many items were sent, or why the file was not accepted.
 */
export function importBoardJson(text: string, send: (op: BoardOp) => void): { ok: true; items: number } | { ok: false; reason: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not a JSON file" };
  }
  const raw = (doc as { items?: unknown }).items;
  if (!Array.isArray(raw) || raw.length === 0) return { ok: false, reason: "no items in this file" };
  const items = raw.map((i) => {
    const { id: _id, ...rest } = (i ?? {}) as Record<string, unknown>;
    return rest;
  });
  const ops: BoardOp[] = [];
  for (let i = 0; i < items.length; i += MAX_IMPORT_ITEMS) {
    const parsed = boardOpSchema.safeParse({ t: "import", items: items.slice(i, i + MAX_IMPORT_ITEMS) });
    if (!parsed.success) return { ok: false, reason: "this file is not a board export" };
    ops.push(parsed.data);
  }
  for (const op of ops) send(op);
  return { ok: true, items: items.length };
}
