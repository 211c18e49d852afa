import { REACTIONS, type Reaction } from "@otc/contract";

export const ICONS = ["disc", "solid", "hand", "muted", "speaking", "away", ...REACTIONS] as const;
export type IconName = (typeof ICONS)[number];

const EMOJI: Record<Reaction, string> = { "thumbs-up": "👍", clap: "👏", heart: "❤️", laugh: "😂", surprised: "😮" };

/** True when this browser has a colour emoji font (headsets and desktops do; bare servers may not). */
function emojiDraws(ctx: CanvasRenderingContext2D, x: number, y: number, s: number, emoji: string): boolean {
  ctx.save();
  ctx.font = `${Math.round(s * 0.8)}px "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(emoji, x + s / 2, y + s / 2 + s * 0.04);
  ctx.restore();
  const data = ctx.getImageData(x, y, s, s).data;
  let coloured = 0;
  for (let i = 0; i < data.length; i += 16) if (data[i + 3]! > 0 && (Math.abs(data[i]! - data[i + 1]!) > 40 || Math.abs(data[i + 1]! - data[i + 2]!) > 40)) coloured++;
  if (coloured > 20) return true;
  ctx.clearRect(x, y, s, s);
  return false;
}

function disc(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number, fill: string): void {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number, fill: string): void {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
}

/** A raised open hand: palm, four fingers and a thumb (units: fraction of the cell). */
function hand(ctx: CanvasRenderingContext2D, x: number, y: number, s: number, fill: string): void {
  const u = s / 100;
  ctx.save();
  ctx.translate(x, y);
  ctx.strokeStyle = "#3a2a10";
  ctx.lineWidth = 3 * u;
  const parts: Array<[number, number, number, number]> = [[30, 44, 42, 38], [30, 16, 9, 36], [40.5, 10, 9, 40], [51, 13, 9, 38], [61.5, 20, 8.5, 32]];
  for (const [px, py, w, h] of parts) {
    roundRect(ctx, px * u, py * u, w * u, h * u, 4.5 * u, fill);
    ctx.stroke();
  }
  ctx.save();
  ctx.translate(30 * u, 60 * u);
  ctx.rotate(-0.7);
  roundRect(ctx, -20 * u, -5 * u, 22 * u, 10 * u, 5 * u, fill);
  ctx.stroke();
  ctx.restore();
  roundRect(ctx, 31.5 * u, 45.5 * u, 39 * u, 35 * u, 6 * u, fill);
  ctx.restore();
}

function face(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number, mouth: "laugh" | "o"): void {
  disc(ctx, cx, cy, r, "#ffcc33");
  ctx.strokeStyle = "#5a3a10";
  ctx.lineWidth = r * 0.1;
  if (mouth === "laugh") {
    for (const sx of [-1, 1]) {
      ctx.beginPath();
      ctx.arc(cx + sx * r * 0.38, cy - r * 0.2, r * 0.16, Math.PI * 1.1, Math.PI * 1.9);
      ctx.stroke();
    }
    ctx.fillStyle = "#7a2a1a";
    ctx.beginPath();
    ctx.arc(cx, cy + r * 0.12, r * 0.5, 0, Math.PI);
    ctx.fill();
  } else {
    for (const sx of [-1, 1]) disc(ctx, cx + sx * r * 0.35, cy - r * 0.22, r * 0.12, "#5a3a10");
    disc(ctx, cx, cy + r * 0.38, r * 0.22, "#7a2a1a");
  }
}

/** Draws one icon into the cell at (x, y), size s px. */
export function drawIcon(ctx: CanvasRenderingContext2D, name: IconName, x: number, y: number, s: number): void {
  const cx = x + s / 2;
  const cy = y + s / 2;
  const r = s / 2 - 2;
  if ((REACTIONS as readonly string[]).includes(name) && emojiDraws(ctx, x, y, s, EMOJI[name as Reaction])) return;
  switch (name) {
    case "disc":
      return disc(ctx, cx, cy, r, "#ffffff");
    case "solid":
      ctx.fillStyle = "#ffffff";
      return ctx.fillRect(x, y, s, s);
    case "hand":
      disc(ctx, cx, cy, r, "#ffd23f");
      ctx.strokeStyle = "#3a2a10";
      ctx.lineWidth = s * 0.04;
      ctx.beginPath();
      ctx.arc(cx, cy, r - s * 0.02, 0, Math.PI * 2);
      ctx.stroke();
      return hand(ctx, x + s * 0.02, y + s * 0.04, s * 0.95, "#fff3d6");
    case "muted":
      disc(ctx, cx, cy, r, "#c62f2f");
      roundRect(ctx, cx - s * 0.1, cy - s * 0.28, s * 0.2, s * 0.36, s * 0.1, "#ffffff");
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = s * 0.05;
      ctx.beginPath();
      ctx.arc(cx, cy - s * 0.02, s * 0.18, 0.15 * Math.PI, 0.85 * Math.PI);
      ctx.moveTo(cx, cy + s * 0.16);
      ctx.lineTo(cx, cy + s * 0.28);
      ctx.moveTo(cx - s * 0.3, cy - s * 0.3);
      ctx.lineTo(cx + s * 0.3, cy + s * 0.3);
      return ctx.stroke();
    case "speaking":
      disc(ctx, cx, cy, r, "#1f9e55");
      [0.14, 0.3, 0.2].forEach((h, i) => roundRect(ctx, cx + (i - 1) * s * 0.17 - s * 0.05, cy - h * s, s * 0.1, h * s * 2, s * 0.05, "#ffffff"));
      return;
    case "away":
      disc(ctx, cx, cy, r, "#6b7280");
      disc(ctx, cx - s * 0.05, cy, s * 0.26, "#f3f4f6");
      return disc(ctx, cx + s * 0.06, cy - s * 0.07, s * 0.23, "#6b7280");
    case "thumbs-up":
      disc(ctx, cx, cy, r, "#3b82f6");
      roundRect(ctx, cx - s * 0.2, cy - s * 0.02, s * 0.34, s * 0.28, s * 0.07, "#ffd9a8");
      return roundRect(ctx, cx - s * 0.2, cy - s * 0.3, s * 0.12, s * 0.34, s * 0.06, "#ffd9a8");
    case "clap":
      disc(ctx, cx, cy, r, "#f59e0b");
      for (const a of [-0.35, 0.35]) {
        ctx.save();
        ctx.translate(cx + a * s * 0.25, cy + s * 0.05);
        ctx.rotate(a);
        roundRect(ctx, -s * 0.09, -s * 0.22, s * 0.18, s * 0.42, s * 0.09, "#ffd9a8");
        ctx.restore();
      }
      return;
    case "heart":
      ctx.fillStyle = "#e11d48";
      ctx.beginPath();
      ctx.moveTo(cx, cy + r * 0.8);
      ctx.bezierCurveTo(cx - r * 1.3, cy - r * 0.1, cx - r * 0.5, cy - r * 1.0, cx, cy - r * 0.35);
      ctx.bezierCurveTo(cx + r * 0.5, cy - r * 1.0, cx + r * 1.3, cy - r * 0.1, cx, cy + r * 0.8);
      return ctx.fill();
    case "laugh":
      return face(ctx, cx, cy, r, "laugh");
    case "surprised":
      return face(ctx, cx, cy, r, "o");
  }
}
