import type { CanvasTexture } from "three";
import { canvasTexture } from "../room/canvas-texture.js";

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** The sign over a door: the room it leads to and an arrow, white on the accent colour. */
export function doorSignTexture(label: string, accent: string): CanvasTexture {
  return canvasTexture(512, 128, (ctx, w, h) => {
    ctx.fillStyle = accent;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = "#ffffff";
    ctx.font = `600 56px ${FONT}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(`${label} →`, w / 2, h / 2 + 2, w * 0.92);
  });
}
