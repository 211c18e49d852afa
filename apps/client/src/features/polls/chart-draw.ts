import type { LeaderboardRow, PollView } from "@otc/contract";
import type { Translate } from "@otc/i18n";
import { SYSTEM_FONT, wrapText } from "../room/canvas-texture.js";

const CORRECT = "✓"; // marks a quiz's right option, in every language

/** What the chart last drew on a screen (test hooks read it; the pixels are checked by screenshot). */
export interface ChartDrawn {
  pollId: string;
  view: "results" | "leaderboard";
  question: string;
  bars: Array<{ label: string; count: number }>;
  words: string[];
  rows: LeaderboardRow[];
  responses: number;
}

const BG = "#f7f9fa";
const INK = "#1d2a33";
const MUTED = "#5b6b75";
const BAR = "#2b6cb0";
const BAR_RIGHT = "#2e9d5b";
const CLOUD = ["#1f6f8b", "#2b6cb0", "#6b4a08", "#2e9d5b", "#8b1f5a", "#33424a"];

/** Draws a poll's results (bars, or a word cloud for open text) or the quiz leaderboard on a screen-sized canvas, worded by `t`. */
export function drawChart(ctx: CanvasRenderingContext2D, w: number, h: number, poll: PollView | undefined, view: "results" | "leaderboard", leaderboard: readonly LeaderboardRow[], t: Translate): ChartDrawn {
  ctx.fillStyle = BG;
  ctx.fillRect(0, 0, w, h);
  const pad = Math.round(w * 0.04);
  const drawn: ChartDrawn = { pollId: poll?.id ?? "", view, question: poll?.question ?? "", bars: [], words: [], rows: [], responses: poll?.responses ?? 0 };
  const title = view === "leaderboard" ? t("polls.chart.leaderboard") : (poll?.question ?? "");
  ctx.fillStyle = INK;
  ctx.textBaseline = "top";
  ctx.textAlign = "left";
  ctx.font = `700 ${Math.round(h * 0.07)}px ${SYSTEM_FONT}`;
  const titleLines = wrapText(ctx, title, w - 2 * pad).slice(0, 2);
  titleLines.forEach((line, i) => ctx.fillText(line, pad, pad + i * h * 0.085));
  let top = pad + titleLines.length * h * 0.085 + h * 0.02;
  if (view === "results" && poll) {
    ctx.font = `500 ${Math.round(h * 0.05)}px ${SYSTEM_FONT}`;
    ctx.fillStyle = MUTED;
    ctx.fillText(`${t("polls.answers", { count: poll.responses })}${poll.status === "closed" ? ` · ${t("polls.chart.closed")}` : ""}`, pad, top);
    top += h * 0.07;
  }
  const area = { x: pad, y: top, w: w - 2 * pad, h: h - top - pad };
  if (view === "leaderboard") drawn.rows = drawLeaderboard(ctx, area, leaderboard, t("polls.chart.noScores"));
  else if (poll?.kind === "text") drawn.words = drawCloud(ctx, area, poll.words, t("polls.chart.noWords"));
  else if (poll) drawn.bars = drawBars(ctx, area, poll);
  return drawn;
}

type Area = { x: number; y: number; w: number; h: number };

function drawBars(ctx: CanvasRenderingContext2D, a: Area, poll: PollView): ChartDrawn["bars"] {
  const labels = poll.kind === "rating" ? poll.counts.map((_, i) => String(i + 1)) : poll.options;
  const n = Math.max(1, labels.length);
  const max = Math.max(1, ...poll.counts);
  const row = a.h / n;
  const labelW = a.w * (poll.kind === "rating" ? 0.08 : 0.32);
  const font = Math.round(Math.min(row * 0.55, a.h * 0.13)); // readable from the back rows
  const bars: ChartDrawn["bars"] = [];
  labels.forEach((label, i) => {
    const count = poll.counts[i] ?? 0;
    const y = a.y + i * row;
    ctx.font = `600 ${font}px ${SYSTEM_FONT}`;
    ctx.fillStyle = INK;
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    const right = poll.correct.includes(i);
    ctx.fillText(`${right ? `${CORRECT} ` : ""}${label}`, a.x, y + row / 2, labelW - 12);
    const bw = ((a.w - labelW - font * 3) * count) / max;
    ctx.fillStyle = right ? BAR_RIGHT : BAR;
    ctx.fillRect(a.x + labelW, y + row * 0.18, Math.max(bw, count > 0 ? 4 : 0), row * 0.64);
    ctx.fillStyle = INK;
    ctx.fillText(String(count), a.x + labelW + bw + 12, y + row / 2);
    bars.push({ label, count });
  });
  return bars;
}

/** A simple flowing word cloud: bigger for more answers, laid out in centred rows, most frequent first. */
function drawCloud(ctx: CanvasRenderingContext2D, a: Area, words: readonly [string, number][], waiting: string): string[] {
  ctx.textBaseline = "alphabetic";
  if (words.length === 0) {
    ctx.font = `500 ${Math.round(a.h * 0.08)}px ${SYSTEM_FONT}`;
    ctx.fillStyle = MUTED;
    ctx.textAlign = "center";
    ctx.fillText(waiting, a.x + a.w / 2, a.y + a.h / 2);
    return [];
  }
  const max = words[0]![1];
  const sized = words.map(([word, count], i) => ({ word, size: Math.round(a.h * (0.07 + 0.11 * (count / max))), colour: CLOUD[i % CLOUD.length]! }));
  const rows: Array<{ items: typeof sized; width: number; height: number }> = [];
  const gap = a.w * 0.025;
  for (const item of sized) {
    ctx.font = `700 ${item.size}px ${SYSTEM_FONT}`;
    const width = ctx.measureText(item.word).width;
    const last = rows.at(-1);
    if (last && last.width + gap + width <= a.w) {
      last.items.push(item);
      last.width += gap + width;
      last.height = Math.max(last.height, item.size);
    } else rows.push({ items: [item], width, height: item.size });
  }
  const shown: string[] = [];
  let y = a.y;
  for (const row of rows) {
    if (y + row.height > a.y + a.h) break;
    y += row.height;
    let x = a.x + (a.w - row.width) / 2;
    for (const item of row.items) {
      ctx.font = `700 ${item.size}px ${SYSTEM_FONT}`;
      ctx.fillStyle = item.colour;
      ctx.textAlign = "left";
      ctx.fillText(item.word, x, y);
      x += ctx.measureText(item.word).width + gap;
      shown.push(item.word);
    }
    y += row.height * 0.25;
  }
  return shown;
}

function drawLeaderboard(ctx: CanvasRenderingContext2D, a: Area, rows: readonly LeaderboardRow[], noScores: string): LeaderboardRow[] {
  ctx.textBaseline = "middle";
  if (rows.length === 0) {
    ctx.font = `500 ${Math.round(a.h * 0.07)}px ${SYSTEM_FONT}`;
    ctx.fillStyle = MUTED;
    ctx.textAlign = "left";
    ctx.fillText(noScores, a.x, a.y + a.h * 0.1, a.w);
    return [];
  }
  const row = a.h / Math.max(5, rows.length);
  rows.forEach((r, i) => {
    const y = a.y + i * row + row / 2;
    ctx.font = `${i === 0 ? 700 : 600} ${Math.round(row * 0.55)}px ${SYSTEM_FONT}`;
    ctx.fillStyle = INK;
    ctx.textAlign = "left";
    ctx.fillText(`${i + 1}. ${r.name}`, a.x, y, a.w * 0.75);
    ctx.textAlign = "right";
    ctx.fillText(String(r.score), a.x + a.w, y);
  });
  return [...rows];
}
