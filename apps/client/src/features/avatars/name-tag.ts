import { SYSTEM_FONT, canvasTexture } from "../room/canvas-texture.js";
import type { CanvasTexture } from "three";

export interface NameTag {
  texture: CanvasTexture;
  /** Width / height of the drawn tag, for the sprite's scale. */
  aspect: number;
}

/** A rounded label with a colour dot and the name; a second line while the person is reconnecting. */
export function nameTagTexture(name: string, colour: string, reconnecting: boolean): NameTag {
  const h = reconnecting ? 132 : 84;
  const measure = document.createElement("canvas").getContext("2d");
  let textW = 200;
  if (measure) {
    measure.font = `600 44px ${SYSTEM_FONT}`;
    textW = Math.max(measure.measureText(name).width, reconnecting ? 250 : 0);
  }
  const w = Math.ceil(Math.min(900, textW + 100));
  const texture = canvasTexture(w, h, (ctx) => {
    ctx.fillStyle = reconnecting ? "rgba(70, 70, 70, 0.72)" : "rgba(20, 28, 32, 0.78)";
    ctx.beginPath();
    ctx.roundRect(2, 2, w - 4, h - 4, 30);
    ctx.fill();
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.arc(40, 42, 14, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = "#ffffff";
    ctx.font = `600 44px ${SYSTEM_FONT}`;
    ctx.textBaseline = "middle";
    ctx.fillText(name, 66, 44, w - 86);
    if (reconnecting) {
      ctx.fillStyle = "#ffd27a";
      ctx.font = `italic 500 34px ${SYSTEM_FONT}`;
      ctx.fillText("reconnecting…", 66, 100);
    }
  });
  return { texture, aspect: w / h };
}
