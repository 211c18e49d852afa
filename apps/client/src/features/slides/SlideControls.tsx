import type { DeckSummary } from "@otc/contract";
import { pageKey } from "@otc/slides";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { useSessionUi } from "../../session-context.js";
import { PresenterView } from "./PresenterView.js";
import type { SlidesClient } from "./slides-client.js";
import "./slides.css";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

/**
 * The presenter's panel (desktop): which screen, which deck (upload or pick), ◀ page ▶, and the
 * keys: PageUp/PageDown (what presentation clickers send) always, arrows and Home/End while
 * "Arrow keys page" is on (otherwise arrows walk). Shown only to people who may page.
 */
export function SlideControls({ slides }: { slides: SlidesClient }) {
  const t = useT();
  const { canPage, canManage, selected, screens, loads, presenters } = useStore(slides.ui);
  const participants = useSessionUi((s) => s.participants);
  const [arrows, setArrows] = useState(false);
  const [presenterView, setPresenterView] = useState(false);
  const [decks, setDecks] = useState<DeckSummary[]>([]);
  const [busy, setBusy] = useState<Wording | null>(null);
  const [error, setError] = useState<Wording | string | null>(null);
  const view = screens[selected];
  const load = view ? loads[view.deckId] : undefined;

  useEffect(() => {
    if (!canPage) return;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const to = pageKey(e.key);
      if (!to || (!arrows && !e.key.startsWith("Page"))) return;
      e.preventDefault();
      e.stopPropagation(); // captured on document: walking (on window) does not see it
      if (!e.repeat || e.key.startsWith("Page")) slides.page(to);
    };
    document.addEventListener("keydown", onKey, { capture: true });
    return () => document.removeEventListener("keydown", onKey, { capture: true });
  }, [slides, canPage, arrows]);

  useEffect(() => {
    if (!canManage) return;
    void slides.decks().then((r) => (r.ok ? setDecks(r.value) : setError(r.error)));
  }, [slides, canManage]);

  if (!canPage) return null;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setBusy({ key: "slides.uploading", params: { name: file.name } });
    const result = await slides.upload(file);
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDecks((d) => [result.value, ...d.filter((x) => x.id !== result.value.id)]);
    slides.assign(result.value.id);
  };
  return (
    <div className="hud slides-panel" aria-label={t("slides.title")}>
      <div className="slides-row">
        <strong>{t("slides.title")}</strong>
        {slides.layout.screens.length > 1 && (
          <select aria-label={t("slides.screen")} value={selected} onChange={(e) => slides.select(e.target.value)}>
            {slides.layout.screens.map((s) => (
              <option key={s.id} value={s.id}>
                {t("slides.screenOf", { id: s.id })}
              </option>
            ))}
          </select>
        )}
      </div>
      {canManage && (
        <div className="slides-row">
          <select aria-label={t("slides.deck")} value={view?.deckId ?? ""} onChange={(e) => slides.assign(e.target.value || null)}>
            <option value="">{t("slides.noDeckOption")}</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {t("slides.deckOption", { name: d.name, count: d.pageCount })}
              </option>
            ))}
          </select>
          <label className="slides-upload">
            {t("slides.upload")}
            <input type="file" accept="application/pdf,.pdf,.pptx,.odp" aria-label={t("slides.uploadLabel")} onChange={(e) => void upload(e.target.files?.[0])} />
          </label>
        </div>
      )}
      <div className="slides-row">
        <button type="button" aria-label={t("slides.previous")} disabled={!view} onClick={() => slides.page("prev")}>
          ◀
        </button>
        <span className="slides-counter" data-testid="slides-counter">
          {view ? t("slides.counter", { page: view.page, total: view.pageCount }) : t("slides.noDeck")}
        </span>
        <button type="button" aria-label={t("slides.next")} disabled={!view} onClick={() => slides.page("next")}>
          ▶
        </button>
        <label className="slides-arrows">
          <input type="checkbox" checked={arrows} onChange={(e) => setArrows(e.target.checked)} /> {t("slides.arrows")}
        </label>
        <label className="slides-arrows">
          <input type="checkbox" checked={presenterView} onChange={(e) => setPresenterView(e.target.checked)} /> {t("slides.presenterView")}
        </label>
      </div>
      {canManage && participants.some((p) => p.role === "participant") && (
        <details className="slides-row">
          <summary>{t("slides.presenters")}</summary>
          {participants
            .filter((p) => p.role === "participant")
            .map((p) => (
              <label key={p.id} className="slides-grant">
                <input type="checkbox" checked={presenters.includes(p.id)} onChange={(e) => slides.grant(p.id, e.target.checked)} aria-label={t("slides.mayPage", { name: p.name })} /> {p.name}
              </label>
            ))}
        </details>
      )}
      {presenterView && <PresenterView slides={slides} />}
      {busy && <div className="slides-status">{word(t, busy)}</div>}
      {load?.state === "loading" && <progress max={1} value={load.fraction} aria-label={t("slides.loading")} />}
      {load?.state === "failed" && <div className="slides-error" role="alert">{word(t, load.error)}</div>}
      {error && <div className="slides-error" role="alert">{word(t, error)}</div>}
    </div>
  );
}
