import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from "chart.js";
import type { SessionReport } from "@otc/record";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const ACCENT = "#1f6f8b";
const SECOND = "#f2a541";
const base = { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } } as const;

/** Joins and leaves as floating bars: one row per person, one bar per stay, in minutes from the session's start. */
export function timelineChart(canvas: HTMLCanvasElement, report: SessionReport): Chart {
  const rows = report.rows;
  const most = Math.max(1, ...rows.map((r) => r.stays.length));
  const minutes = (ms: number) => Math.round(((ms - report.start) / 60_000) * 10) / 10;
  const datasets = Array.from({ length: most }, (_, i) => ({
    data: rows.map((r) => (r.stays[i] ? ([minutes(r.stays[i].from), minutes(r.stays[i].to)] as [number, number]) : null)),
    backgroundColor: ACCENT,
    borderSkipped: false,
    barPercentage: 0.7,
  }));
  const config: ChartConfiguration<"bar", ([number, number] | null)[], string> = {
    type: "bar",
    data: { labels: rows.map((r) => r.name), datasets },
    options: { ...base, indexAxis: "y", scales: { x: { min: 0, max: Math.ceil(report.durationMs / 60_000), stacked: false }, y: { stacked: true } } },
  };
  return new Chart(canvas, config);
}

/** Seconds each person spoke, loudest first. */
export function talkChart(canvas: HTMLCanvasElement, report: SessionReport): Chart {
  const rows = [...report.rows].sort((a, b) => b.talkSeconds - a.talkSeconds);
  return new Chart(canvas, {
    type: "bar",
    data: { labels: rows.map((r) => r.name), datasets: [{ data: rows.map((r) => Math.round(r.talkSeconds)), backgroundColor: SECOND }] },
    options: { ...base, scales: { y: { beginAtZero: true } } },
  });
}

/** How many people were present for 0–20 %, 20–40 %, … of the session. */
export function distributionChart(canvas: HTMLCanvasElement, report: SessionReport, peopleLabel: string): Chart {
  const buckets = [0, 0, 0, 0, 0];
  for (const r of report.rows) buckets[Math.min(4, Math.floor(r.share * 5))]!++;
  return new Chart(canvas, {
    type: "bar",
    data: { labels: ["0–20 %", "20–40 %", "40–60 %", "60–80 %", "80–100 %"], datasets: [{ label: peopleLabel, data: buckets, backgroundColor: ACCENT }] },
    options: { ...base, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}
