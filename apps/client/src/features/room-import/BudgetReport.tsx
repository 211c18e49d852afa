import type { ModelReport } from "@otc/contract";
import { formatBytes, formatMetric, metricLabel } from "./format.js";

/** A model's figures against the Quest budget, its textures and the server's notes. */
export function BudgetReport({ report }: { report: ModelReport }) {
  const title = report.optimisedFrom ? "Optimised copy" : "Uploaded model";
  return (
    <div className="budget-report" data-model-id={report.modelId}>
      <h3>
        {title}: {formatBytes(report.bytes)}{" "}
        <span className={report.withinBudget ? "state" : "state over"} data-testid="budget-verdict">
          {report.withinBudget ? "Within the Quest budget" : "Over the Quest budget"}
        </span>
      </h3>
      <table className="budget">
        <caption className="muted">Measured against a Quest-class headset</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Value</th>
            <th scope="col">Limit</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {report.checks.map((c) => (
            <tr key={c.metric} className={c.ok ? "" : "over"}>
              <th scope="row">{metricLabel(c.metric)}</th>
              <td>{formatMetric(c.metric, c.value)}</td>
              <td>{formatMetric(c.metric, c.limit)}</td>
              <td>{c.ok ? "within" : "over"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {report.materials} materials · floor found from {report.floor.meshes.length ? report.floor.meshes.join(", ") : "the lowest large surface"} · {report.walls.length} walls
      </p>
      {report.textures.length > 0 && (
        <details>
          <summary>Textures ({report.textures.length})</summary>
          <ul className="textures">
            {report.textures.map((t, i) => (
              <li key={i}>
                {t.name || `texture ${i + 1}`}: {t.width} × {t.height} px, {t.mimeType}, {formatBytes(t.bytes)}
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
