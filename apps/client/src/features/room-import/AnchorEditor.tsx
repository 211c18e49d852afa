import type { RoomLayout, RoomTemplateSummary } from "@otc/contract";
import { checkRoomFile } from "@otc/rooms";
import type { MessageKey } from "@otc/i18n";
import { useEffect, useId, useReducer, useState } from "react";
import { errorWording } from "../connection/error-text.js";
import { useLanguage } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { clearDraft, draftDiffers, draftKey, loadDraft, saveDraft } from "./editor-draft.js";
import { editorReducer, initialEditor, type Tool } from "./editor-state.js";
import { BrandFields } from "./BrandFields.js";
import { ItemList } from "./ItemList.js";
import { PlanView } from "./PlanView.js";
import { usePlanImage } from "./use-plan-image.js";
import { RoomRefused, roomImportApi } from "./room-import-api.js";

interface Props {
  /** The draft from a model report, or a saved room opened again. */
  start: RoomLayout;
  onSaved(room: RoomTemplateSummary): void;
}

const TOOLS: Array<{ tool: Tool; label: MessageKey }> = [
  { tool: "spawn", label: "rooms.tool.spawn" },
  { tool: "screen", label: "rooms.tool.screen" },
  { tool: "board", label: "rooms.tool.board" },
  { tool: "seats", label: "rooms.tool.seats" },
  { tool: "logo", label: "rooms.tool.logo" },
];

const typing = (t: EventTarget | null) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

/**
 * Places anchors on an imported room: a plan to click on with a tool (Spawn, Screen, Whiteboard,
 * Seat row), the placed items as number fields, Undo (button or Ctrl+Z), the room's id and name,
 * and Save, which shows the server's path-named problems when it refuses the file. Unsaved work is
 * kept in this browser and offered back when the same room or model is opened again (editor-draft.ts).
 */
export function AnchorEditor({ start, onSaved }: Props) {
  const { t, language } = useLanguage();
  const [state, dispatch] = useReducer(editorReducer, start, initialEditor);
  const [tool, setTool] = useState<Tool>("screen");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Array<Wording | string>>([]);
  const [saved, setSaved] = useState<Wording | null>(null);
  const ids = { id: useId(), name: useId(), floor: useId() };
  const { room } = state;
  const check = checkRoomFile(room);
  const image = usePlanImage(room);
  // Unsaved work from an earlier visit is offered back; until answered, it is not overwritten.
  const [draftKeyOf] = useState(() => draftKey(start));
  const [offer, setOffer] = useState(() => {
    const draft = loadDraft(window.localStorage, draftKeyOf, Date.now());
    return draft && draftDiffers(draft, start) ? draft : null;
  });
  useEffect(() => {
    if (offer === null && state.past.length > 0) saveDraft(window.localStorage, draftKeyOf, room, Date.now());
  }, [room, offer, state.past.length, draftKeyOf]);
  const answer = (restore: boolean) => {
    if (offer && restore) dispatch({ type: "restore", room: offer.room });
    else clearDraft(window.localStorage, draftKeyOf);
    setOffer(null);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !e.shiftKey && !typing(e.target)) {
        e.preventDefault();
        dispatch({ type: "undo" });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const save = async () => {
    setBusy(true);
    setErrors([]);
    setSaved(null);
    try {
      const summary = await roomImportApi.saveRoom(room);
      clearDraft(window.localStorage, draftKeyOf);
      setSaved({ key: "rooms.editor.saved", params: { name: summary.name } });
      onSaved(summary);
    } catch (e) {
      setErrors(e instanceof RoomRefused ? [errorWording(e), ...e.errors] : [errorWording(e)]);
    } finally {
      setBusy(false);
    }
  };
  const middle = () => dispatch({ type: "place", tool, x: (room.walkable.minX + room.walkable.maxX) / 2, z: (room.walkable.minZ + room.walkable.maxZ) / 2 });

  return (
    <div className="anchor-editor">
      {offer && (
        <div className="draft-offer" role="status">
          <p>{t("rooms.editor.draftKept", { when: new Date(offer.at).toLocaleString(language) })}</p>
          <button type="button" className="primary" onClick={() => answer(true)}>
            {t("rooms.editor.restore")}
          </button>
          <button type="button" onClick={() => answer(false)}>
            {t("rooms.editor.discard")}
          </button>
        </div>
      )}
      <div className="row">
        <div>
          <label htmlFor={ids.id}>{t("rooms.editor.id")}</label>
          <input id={ids.id} type="text" pattern="[a-z0-9-]+" required value={room.id} onChange={(e) => dispatch({ type: "rename", id: e.target.value })} />
        </div>
        <div>
          <label htmlFor={ids.name}>{t("rooms.editor.name")}</label>
          <input id={ids.name} type="text" required maxLength={60} value={room.name} onChange={(e) => dispatch({ type: "rename", name: e.target.value })} />
        </div>
      </div>
      {room.environment && (
        <div>
          <label htmlFor={ids.floor}>{t("rooms.editor.floor")}</label>
          <input
            id={ids.floor}
            type="number"
            step={0.05}
            value={-room.environment.offset[1]}
            aria-describedby={`${ids.floor}-hint`}
            onChange={(e) => e.currentTarget.value !== "" && dispatch({ type: "floor", height: Number(e.currentTarget.value) })}
          />
          <p id={`${ids.floor}-hint`} className="muted">
            {t("rooms.editor.floorHint")}
          </p>
        </div>
      )}
      <div className="toolbar" role="group" aria-label={t("rooms.editor.place")}>
        {TOOLS.map((b) => (
          <button key={b.tool} type="button" aria-pressed={tool === b.tool} onClick={() => setTool(b.tool)}>
            {t(b.label)}
          </button>
        ))}
        <button type="button" onClick={middle}>{t("rooms.editor.middle")}</button>
        <button type="button" onClick={() => dispatch({ type: "undo" })} disabled={state.past.length === 0} aria-keyshortcuts="Control+Z">
          {t("rooms.editor.undo")}
        </button>
      </div>
      <PlanView room={room} image={image} onPick={(x, z) => dispatch({ type: "place", tool, x, z })} />
      <ItemList room={room} dispatch={dispatch} />
      <BrandFields room={room} dispatch={dispatch} />
      {!check.ok && (
        <ul className="problems" aria-label={t("rooms.editor.problems")}>
          {check.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {errors.length > 0 && (
        <ul className="error" role="alert" aria-label={t("rooms.editor.refused")}>
          {errors.map((e, i) => (
            <li key={i}>{word(t, e)}</li>
          ))}
        </ul>
      )}
      {saved && <p className="ok" role="status">{word(t, saved)}</p>}
      <div className="actions">
        <button className="primary" type="button" onClick={() => void save()} disabled={busy} aria-busy={busy}>
          {busy ? t("rooms.editor.saving") : t("rooms.editor.save")}
        </button>
      </div>
    </div>
  );
}
