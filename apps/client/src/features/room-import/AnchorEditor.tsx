import type { RoomLayout, RoomTemplateSummary } from "@otc/contract";
import { checkRoomFile } from "@otc/rooms";
import { useEffect, useId, useReducer, useState } from "react";
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

const TOOLS: Array<{ tool: Tool; label: string }> = [
  { tool: "spawn", label: "Spawn" },
  { tool: "screen", label: "Screen" },
  { tool: "board", label: "Whiteboard" },
  { tool: "seats", label: "Seat row" },
  { tool: "logo", label: "Logo" },
];

const typing = (t: EventTarget | null) => t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

/**
 * Places anchors on an imported room: a plan to click on with a tool (Spawn, Screen, Whiteboard,
 * Seat row), the placed items as number fields, Undo (button or Ctrl+Z), the room's id and name,
 * and Save, which shows the server's path-named problems when it refuses the file. Unsaved work is
 * kept in this browser and offered back when the same room or model is opened again (editor-draft.ts).
 */
export function AnchorEditor({ start, onSaved }: Props) {
  const [state, dispatch] = useReducer(editorReducer, start, initialEditor);
  const [tool, setTool] = useState<Tool>("screen");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
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
      setSaved(`Saved "${summary.name}". It is now in the room list of New session.`);
      onSaved(summary);
    } catch (e) {
      setErrors(e instanceof RoomRefused ? [e.message, ...e.errors] : [e instanceof Error ? e.message : String(e)]);
    } finally {
      setBusy(false);
    }
  };
  const middle = () => dispatch({ type: "place", tool, x: (room.walkable.minX + room.walkable.maxX) / 2, z: (room.walkable.minZ + room.walkable.maxZ) / 2 });

  return (
    <div className="anchor-editor">
      {offer && (
        <div className="draft-offer" role="status">
          <p>Unsaved changes to this room from {new Date(offer.at).toLocaleString()} were kept in this browser.</p>
          <button type="button" className="primary" onClick={() => answer(true)}>
            Restore them
          </button>
          <button type="button" onClick={() => answer(false)}>
            Discard
          </button>
        </div>
      )}
      <div className="row">
        <div>
          <label htmlFor={ids.id}>Room id (lower-case letters, digits, '-')</label>
          <input id={ids.id} type="text" pattern="[a-z0-9-]+" required value={room.id} onChange={(e) => dispatch({ type: "rename", id: e.target.value })} />
        </div>
        <div>
          <label htmlFor={ids.name}>Room name</label>
          <input id={ids.name} type="text" required maxLength={60} value={room.name} onChange={(e) => dispatch({ type: "rename", name: e.target.value })} />
        </div>
      </div>
      {room.environment && (
        <div>
          <label htmlFor={ids.floor}>Floor height in the model (m)</label>
          <input
            id={ids.floor}
            type="number"
            step={0.05}
            value={-room.environment.offset[1]}
            aria-describedby={`${ids.floor}-hint`}
            onChange={(e) => e.currentTarget.value !== "" && dispatch({ type: "floor", height: Number(e.currentTarget.value) })}
          />
          <p id={`${ids.floor}-hint`} className="muted">
            Found from meshes named floor or ground, else the model's lowest point. Change it if people stand in or above the floor.
          </p>
        </div>
      )}
      <div className="toolbar" role="group" aria-label="Place">
        {TOOLS.map((t) => (
          <button key={t.tool} type="button" aria-pressed={tool === t.tool} onClick={() => setTool(t.tool)}>
            {t.label}
          </button>
        ))}
        <button type="button" onClick={middle}>Place in the middle</button>
        <button type="button" onClick={() => dispatch({ type: "undo" })} disabled={state.past.length === 0} aria-keyshortcuts="Control+Z">
          Undo
        </button>
      </div>
      <PlanView room={room} image={image} onPick={(x, z) => dispatch({ type: "place", tool, x, z })} />
      <ItemList room={room} dispatch={dispatch} />
      <BrandFields room={room} dispatch={dispatch} />
      {!check.ok && (
        <ul className="problems" aria-label="Problems to fix before saving">
          {check.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {errors.length > 0 && (
        <ul className="error" role="alert" aria-label="The server refused the room">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
      {saved && <p className="ok" role="status">{saved}</p>}
      <div className="actions">
        <button className="primary" type="button" onClick={() => void save()} disabled={busy} aria-busy={busy}>
          {busy ? "Saving…" : "Save room"}
        </button>
      </div>
    </div>
  );
}
