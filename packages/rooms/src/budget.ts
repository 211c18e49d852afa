import { BUDGET_METRICS, QUEST_BUDGET, type BudgetCheck, type BudgetMetric } from "@otc/contract";

export type BudgetFigures = Record<BudgetMetric, number>;

/** Each figure against the Quest budget, in the report's fixed order. */
export function budgetChecks(figures: BudgetFigures): BudgetCheck[] {
  return BUDGET_METRICS.map((metric) => ({ metric, value: figures[metric], limit: QUEST_BUDGET[metric], ok: figures[metric] <= QUEST_BUDGET[metric] }));
}

/** GPU memory of one RGBA8 texture with its mip chain (a third more than the base level), bytes. */
export function textureMemoryBytes(width: number, height: number): number {
  return Math.round(width * height * 4 * (4 / 3));
}
