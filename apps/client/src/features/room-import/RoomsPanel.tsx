import type { RoomLayout, RoomTemplateSummary } from "@otc/contract";
import { useId, useState } from "react";
import { errorWording } from "../connection/error-text.js";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { AnchorEditor } from "./AnchorEditor.js";
import { ModelImport } from "./ModelImport.js";
import { roomImportApi } from "./room-import-api.js";

interface Props {
  rooms: RoomTemplateSummary[];
  /** A room was saved or imported: the console reloads its room list. */
  onRoomsChanged(): void;
}

/**
 * The console's Rooms panel: the rooms sessions can use (imported ones can be exported as an
 * archive and edited), importing an archive, and importing a 3D model as a new room.
 */
export function RoomsPanel({ rooms, onRoomsChanged }: Props) {
  const t = useT();
  const archiveId = useId();
  const [editing, setEditingRoom] = useState<{ room: RoomLayout; n: number } | null>(null);
  // A fresh editor (and undo history) for every room opened, even one with the same id.
  const setEditing = (room: RoomLayout | null) => setEditingRoom((e) => (room ? { room, n: (e?.n ?? 0) + 1 } : null));
  const [message, setMessage] = useState<{ ok: boolean; text: Wording } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const fail = (what: Wording, e: unknown) => setMessage({ ok: false, text: { ...what, reason: errorWording(e) } });
  const edit = (id: string) => roomImportApi.roomFile(id).then(setEditing, (e: unknown) => fail({ key: "rooms.couldNotOpen", params: { id } }, e));
  const importArchive = async (file: File) => {
    setProgress(0);
    setMessage(null);
    try {
      const room = await roomImportApi.importArchive(file, setProgress);
      setMessage({ ok: true, text: { key: "rooms.importedRoom", params: { name: room.name } } });
      onRoomsChanged();
    } catch (e) {
      fail({ key: "rooms.couldNotImport", params: { file: file.name } }, e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="panel rooms-panel" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">{t("rooms.heading")}</h2>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{word(t, message.text)}</p>}
      <ul className="rooms">
        {rooms.map((r) => (
          <li key={r.id} data-room={r.id}>
            <span>
              {r.name} {r.imported && <span className="state">{t("rooms.imported")}</span>}
            </span>
            {r.imported && (
              <span className="link-row">
                <a href={roomImportApi.archiveUrl(r.id)} download={`${r.id}.otc-room.zip`}>{t("rooms.export")}</a>
                <button type="button" onClick={() => void edit(r.id)}>{t("rooms.edit", { name: r.name })}</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <label htmlFor={archiveId}>{t("rooms.importArchive")}</label>
      <input id={archiveId} type="file" accept=".zip,application/zip" disabled={progress !== null} onChange={(e) => e.target.files?.[0] && void importArchive(e.target.files[0])} />
      {progress !== null && (
        <p role="status">
          {t("rooms.importing")} <progress max={1} value={progress} aria-label={t("rooms.archiveProgress")} /> {Math.round(progress * 100)}%
        </p>
      )}
      {editing ? (
        <>
          <h3>{t("rooms.anchorsOf", { name: editing.room.name })}</h3>
          <AnchorEditor key={editing.n} start={editing.room} onSaved={() => onRoomsChanged()} />
          <button type="button" onClick={() => setEditing(null)}>{t("rooms.closeEditor")}</button>
        </>
      ) : (
        <ModelImport onDraft={setEditing} />
      )}
    </section>
  );
}
