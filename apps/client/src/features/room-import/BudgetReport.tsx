import type { ModelReport } from "@otc/contract";
import { useT } from "../i18n/language-context.js";
import { formatBytes, formatMetric, metricLabel } from "./format.js";

/** A model's figures against the Quest budget, its textures and the server's notes. */
export function BudgetReport({ report }: { report: ModelReport }) {
  const t = useT();
  const size = formatBytes(report.bytes, t);
  return (
    <div className="budget-report" data-model-id={report.modelId}>
      <h3>
        {report.optimisedFrom ? t("rooms.budget.optimised", { size }) : t("rooms.budget.uploaded", { size })}{" "}
        <span className={report.withinBudget ? "state" : "state over"} data-testid="budget-verdict">
          {report.withinBudget ? t("rooms.budget.within") : t("rooms.budget.over")}
        </span>
      </h3>
      <table className="budget">
        <caption className="muted">{t("rooms.budget.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rooms.budget.metric")}</th>
            <th scope="col">{t("rooms.budget.value")}</th>
            <th scope="col">{t("rooms.budget.limit")}</th>
            <th scope="col">{t("rooms.budget.verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {report.checks.map((c) => (
            <tr key={c.metric} className={c.ok ? "" : "over"}>
              <th scope="row">{metricLabel(c.metric, t)}</th>
              <td>{formatMetric(c.metric, c.value, t)}</td>
              <td>{formatMetric(c.metric, c.limit, t)}</td>
              <td>{c.ok ? t("rooms.budget.ok") : t("rooms.budget.notOk")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {t("rooms.budget.summary", { materials: report.materials, floor: report.floor.meshes.length ? report.floor.meshes.join(", ") : t("rooms.budget.lowest"), walls: report.walls.length })}
      </p>
      {report.textures.length > 0 && (
        <details>
          <summary>{t("rooms.budget.textures", { n: report.textures.length })}</summary>
          <ul className="textures">
            {report.textures.map((tex, i) => (
              <li key={i}>
                {t("rooms.budget.textureLine", { name: tex.name || t("rooms.budget.texture", { n: i + 1 }), width: tex.width, height: tex.height, type: tex.mimeType, size: formatBytes(tex.bytes, t) })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.notes.length > 0 && (
        <ul className="notes">
          {report.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
