import type { BoardTool, WireItem } from "@otc/contract";
import { HIGHLIGHTER_ALPHA, decodeDeltas } from "@otc/whiteboard";
import { SYSTEM_FONT, wrapText } from "../room/canvas-texture.js";

/** Texture pixels per board unit (a 4096-unit board becomes a 2048-pixel texture). */
export const PIXELS_PER_UNIT = 0.5;
export const BOARD_BACKGROUND = "#fbfbf8";

/** Draws a polyline of absolute board-unit points. */
export function drawPolyline(ctx: CanvasRenderingContext2D, pts: readonly number[], tool: BoardTool, colour: string, width: number): void {
  if (pts.length < 2) return;
  const s = PIXELS_PER_UNIT;
  ctx.save();
  ctx.globalAlpha = tool === "highlighter" ? HIGHLIGHTER_ALPHA : 1;
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = Math.max(1, width * s);
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  if (pts.length === 2) {
    ctx.beginPath();
    ctx.arc(pts[0]! * s, pts[1]! * s, ctx.lineWidth / 2, 0, Math.PI * 2);
    ctx.fill();
  } else {
    ctx.beginPath();
    ctx.moveTo(pts[0]! * s, pts[1]! * s);
    for (let i = 2; i < pts.length; i += 2) ctx.lineTo(pts[i]! * s, pts[i + 1]! * s);
    ctx.stroke();
  }
  ctx.restore();
}

/** Draws one committed item on top of what is already there. */
export function drawItem(ctx: CanvasRenderingContext2D, item: WireItem): void {
  if (item.k === "s") return drawPolyline(ctx, decodeDeltas(item.pts), item.tool, item.colour, item.width);
  const s = PIXELS_PER_UNIT;
  const [x, y, w, h] = [item.x * s, item.y * s, item.w * s, item.h * s];
  ctx.save();
  ctx.fillStyle = "rgba(0,0,0,0.18)";
  ctx.fillRect(x + 4, y + 5, w, h);
  ctx.fillStyle = item.colour;
  ctx.fillRect(x, y, w, h);
  const fontPx = 44 * s * 2; // board units → pixels; about 4 cm on a 2 m board
  ctx.font = `${fontPx}px ${SYSTEM_FONT}`;
  ctx.fillStyle = "#1f2933";
  ctx.textBaseline = "top";
  const lines = item.text.split("\n").flatMap((l) => wrapText(ctx, l, w - 24));
  lines.slice(0, Math.floor((h - 20) / (fontPx * 1.2))).forEach((line, i) => ctx.fillText(line, x + 12, y + 12 + i * fontPx * 1.2));
  ctx.restore();
}

/** Clears to the board colour and draws every item in order. */
export function drawBoard(ctx: CanvasRenderingContext2D, items: readonly WireItem[]): void {
  ctx.fillStyle = BOARD_BACKGROUND;
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  for (const item of items) drawItem(ctx, item);
}
