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
