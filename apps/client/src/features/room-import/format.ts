import type { BudgetMetric } from "@otc/contract";

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

const KB = 1024;
const MB = 1024 * 1024;

/** Bytes as a person reads them: "812 KB", "37.4 MB" (binary units, so the 50 MB upload cap reads as 50 MB). */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${whole.format(bytes)} B`;
  if (bytes < MB) return `${whole.format(bytes / KB)} KB`;
  return `${oneDp.format(bytes / MB)} MB`;
}

const LABELS: Record<BudgetMetric, string> = {
  triangles: "Triangles",
  drawCalls: "Draw calls",
  textureSize: "Largest texture",
  textureMemoryBytes: "Texture memory",
};

/** The name of a budget line. */
export function metricLabel(metric: BudgetMetric): string {
  return LABELS[metric];
}

/** A budget figure in its unit: "148,000 triangles", "62 draw calls", "4,096 px", "85.3 MB". */
export function formatMetric(metric: BudgetMetric, value: number): string {
  switch (metric) {
    case "triangles":
      return `${whole.format(value)} triangles`;
    case "drawCalls":
      return `${whole.format(value)} draw calls`;
    case "textureSize":
      return `${whole.format(value)} px`;
    case "textureMemoryBytes":
      return formatBytes(value);
  }
}
