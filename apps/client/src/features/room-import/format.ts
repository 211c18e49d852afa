import type { BudgetMetric } from "@otc/contract";
import type { MessageKey, Translate } from "@otc/i18n";

const KB = 1024;
const MB = 1024 * 1024;
const oneDp = (n: number) => Math.round(n * 10) / 10;

/** Bytes as a person reads them: "812 KB", "37.4 MB" (binary units, so the 50 MB upload cap reads as 50 MB), in the page's language. */
export function formatBytes(bytes: number, t: Translate): string {
  if (bytes < KB) return t("rooms.metric.b", { n: bytes });
  if (bytes < MB) return t("rooms.metric.kb", { n: Math.round(bytes / KB) });
  return t("rooms.metric.mb", { n: oneDp(bytes / MB) });
}

const LABELS: Record<BudgetMetric, MessageKey> = {
  triangles: "rooms.metric.triangles",
  drawCalls: "rooms.metric.drawCalls",
  textureSize: "rooms.metric.textureSize",
  textureMemoryBytes: "rooms.metric.textureMemoryBytes",
};

/** The name of a budget line. */
export function metricLabel(metric: BudgetMetric, t: Translate): string {
  return t(LABELS[metric]);
}

/** A budget figure in its unit: "148,000 triangles", "62 draw calls", "4,096 px", "85.3 MB". */
export function formatMetric(metric: BudgetMetric, value: number, t: Translate): string {
  switch (metric) {
    case "triangles":
      return t("rooms.metric.trianglesValue", { n: Math.round(value) });
    case "drawCalls":
      return t("rooms.metric.drawCallsValue", { n: Math.round(value) });
    case "textureSize":
      return t("rooms.metric.px", { n: Math.round(value) });
    case "textureMemoryBytes":
      return formatBytes(value, t);
  }
}
