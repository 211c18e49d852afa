import type { BudgetMetric } from "@otc/contract";

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const oneDp = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** Bytes as a person reads them: "812 kB", "37.4 MB" (decimal units, as file browsers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${whole.format(bytes)} B`;
  if (bytes < 1_000_000) return `${whole.format(bytes / 1000)} kB`;
  return `${oneDp.format(bytes / 1_000_000)} MB`;
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
