import { useT } from "../i18n/language-context.js";
import { useBreakouts, useBreakoutsUi } from "./use-breakouts.js";

/** The facilitator's plans prepared in the console: "Start plan X" runs one on the people present; who was named but absent is listed after. */
export function PreparedPlans() {
  const t = useT();
  const client = useBreakouts();
  const prepared = useBreakoutsUi((s) => s.state?.prepared ?? []);
  const skipped = useBreakoutsUi((s) => s.state?.skipped ?? []);
  return (
    <>
      {skipped.length > 0 && <p className="quiet" role="status">{t("breakoutplans.skipped", { names: skipped.join(", ") })}</p>}
      {prepared.length > 0 && (
        <div role="group" aria-label={t("breakoutplans.prepared")}>
          <h4>{t("breakoutplans.prepared")}</h4>
          {prepared.map((p) => (
            <button key={p.id} type="button" className="small" onClick={() => client.startPlan(p.id)}>
              {t("breakoutplans.startPlan", { name: p.name })}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

/** After a breakout: the main room's boards show the groups' boards (read-only copies), one by one or all at once. */
export function GalleryControls({ boards }: { boards: readonly string[] }) {
  const t = useT();
  const client = useBreakouts();
  const lastGroups = useBreakoutsUi((s) => s.state?.lastGroups ?? 0);
  const shows = useBreakoutsUi((s) => s.gallery);
  const { page, pages } = useBreakoutsUi((s) => s.galleryPage);
  if (lastGroups === 0 || boards.length === 0) return null;
  return (
    <div role="group" aria-label={t("breakoutplans.gallery.title")}>
      <h4>{t("breakoutplans.gallery.title")}</h4>
      <div className="row">
        <button type="button" className="small" onClick={() => client.gallery({ what: "all", page: 0 })}>{t("breakoutplans.gallery.showAll")}</button>
        <button type="button" className="small" disabled={shows.length === 0} onClick={() => client.gallery({ what: "none" })}>{t("breakoutplans.gallery.hide")}</button>
      </div>
      {pages > 1 && shows.length > 0 && (
        <div className="row">
          <button type="button" className="small" disabled={page === 0} onClick={() => client.gallery({ what: "all", page: page - 1 })}>{t("breakoutplans.gallery.previous")}</button>
          <span>{t("breakoutplans.gallery.page", { page: page + 1, pages })}</span>
          <button type="button" className="small" disabled={page >= pages - 1} onClick={() => client.gallery({ what: "all", page: page + 1 })}>{t("breakoutplans.gallery.next")}</button>
        </div>
      )}
      {boards.map((board) => (
        <label key={board} className="row">
          {t("breakoutplans.gallery.board", { board })}
          <select value={shows.find((s) => s.board === board)?.group ?? -1} onChange={(e) => client.gallery({ what: "one", board, group: Number(e.target.value) })}>
            <option value={-1}>{t("breakoutplans.gallery.own")}</option>
            {Array.from({ length: lastGroups }, (_, i) => (
              <option key={i} value={i}>{t("breakouts.group", { n: i + 1 })}</option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
