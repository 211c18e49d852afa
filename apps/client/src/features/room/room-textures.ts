import { Color, RepeatWrapping, type CanvasTexture } from "three";
import { SYSTEM_FONT, canvasTexture, wrapText } from "./canvas-texture.js";

/** Wooden planks around a base colour; repeats every 2 m. */
export function plankTexture(base: string, repeatX: number, repeatY: number): CanvasTexture {
  const tex = canvasTexture(512, 512, (ctx, w, h) => {
    const colour = new Color(base);
    const rows = 8;
    const rowH = h / rows;
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let r = 0; r < rows; r++) {
      let x = -rand() * w * 0.5;
      while (x < w) {
        const len = w * (0.35 + rand() * 0.4);
        const c = colour.clone().offsetHSL(0, (rand() - 0.5) * 0.05, (rand() - 0.5) * 0.07);
        ctx.fillStyle = `#${c.getHexString()}`;
        ctx.fillRect(x, r * rowH, len, rowH);
        ctx.strokeStyle = "rgba(40, 25, 15, 0.35)";
        ctx.lineWidth = 2;
        ctx.strokeRect(x, r * rowH, len, rowH);
        for (let g = 0; g < 5; g++) {
          ctx.strokeStyle = `rgba(60, 35, 20, ${0.05 + rand() * 0.06})`;
          ctx.beginPath();
          const gy = r * rowH + rand() * rowH;
          ctx.moveTo(x, gy);
          ctx.bezierCurveTo(x + len * 0.3, gy + 3, x + len * 0.6, gy - 3, x + len, gy);
          ctx.stroke();
        }
        x += len;
      }
    }
  });
  tex.wrapS = RepeatWrapping;
  tex.wrapT = RepeatWrapping;
  tex.repeat.set(repeatX, repeatY);
  return tex;
}

/** The brand panel: an emblem in the accent colour and the layout's logo text. */
export function logoTexture(text: string, accent: string): CanvasTexture {
  return canvasTexture(512, 512, (ctx, w, h) => {
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = accent;
    ctx.beginPath();
    ctx.arc(w / 2, h * 0.33, h * 0.19, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 14;
    ctx.beginPath();
    ctx.arc(w / 2, h * 0.33, h * 0.1, 0, Math.PI * 2);
    ctx.stroke();
    ctx.fillStyle = "#1d2327";
    ctx.font = `700 52px ${SYSTEM_FONT}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    const lines = wrapText(ctx, text, w * 0.86).slice(0, 3);
    lines.forEach((line, i) => ctx.fillText(line, w / 2, h * 0.66 + i * 60 - ((lines.length - 1) * 60) / 2 + 20));
  });
}

/** A projector screen with nothing on it yet. */
export function screenTexture(accent: string, words: { title: string; hint: string }): CanvasTexture {
  return canvasTexture(1024, 576, (ctx, w, h) => {
    const g = ctx.createLinearGradient(0, 0, w, h);
    g.addColorStop(0, "#2b3a42");
    g.addColorStop(1, "#12191d");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = accent;
    ctx.fillRect(w * 0.5 - 60, h * 0.36, 120, 8);
    ctx.fillStyle = "#e9eef0";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.font = `600 96px ${SYSTEM_FONT}`;
    ctx.fillText(words.title, w / 2, h * 0.5, w * 0.9);
    ctx.fillStyle = "rgba(233, 238, 240, 0.6)";
    ctx.font = `400 34px ${SYSTEM_FONT}`;
    ctx.fillText(words.hint, w / 2, h * 0.64, w * 0.9);
  });
}

/** The welcome banner: the brand's colour band with white text, wide and short. */
export function bannerTexture(text: string, primary: string, secondary: string): CanvasTexture {
  return canvasTexture(2048, 256, (ctx, w, h) => {
    ctx.fillStyle = primary;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = secondary;
    ctx.fillRect(0, h - 22, w, 22);
    ctx.fillStyle = "#ffffff";
    ctx.font = `600 108px ${SYSTEM_FONT}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(text, w / 2, h / 2 - 8, w * 0.94);
  });
}
