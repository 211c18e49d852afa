import type { RoomLayout, RoomTemplateSummary } from "@otc/contract";
import { useId, useState } from "react";
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
  const archiveId = useId();
  const [editing, setEditingRoom] = useState<{ room: RoomLayout; n: number } | null>(null);
  // A fresh editor (and undo history) for every room opened, even one with the same id.
  const setEditing = (room: RoomLayout | null) => setEditingRoom((e) => (room ? { room, n: (e?.n ?? 0) + 1 } : null));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const fail = (what: string, e: unknown) => setMessage({ ok: false, text: `${what}: ${e instanceof Error ? e.message : String(e)}` });
  const edit = (id: string) => roomImportApi.roomFile(id).then(setEditing, (e: unknown) => fail(`Could not open ${id}`, e));
  const importArchive = async (file: File) => {
    setProgress(0);
    setMessage(null);
    try {
      const room = await roomImportApi.importArchive(file, setProgress);
      setMessage({ ok: true, text: `Imported "${room.name}".` });
      onRoomsChanged();
    } catch (e) {
      fail(`Could not import ${file.name}`, e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="panel rooms-panel" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">Rooms</h2>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{message.text}</p>}
      <ul className="rooms">
        {rooms.map((r) => (
          <li key={r.id} data-room={r.id}>
            <span>
              {r.name} {r.imported && <span className="state">imported</span>}
            </span>
            {r.imported && (
              <span className="link-row">
                <a href={roomImportApi.archiveUrl(r.id)} download={`${r.id}.otc-room.zip`}>Export</a>
                <button type="button" onClick={() => void edit(r.id)}>Edit {r.name}</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <label htmlFor={archiveId}>Import an archive (.otc-room.zip)</label>
      <input id={archiveId} type="file" accept=".zip,application/zip" disabled={progress !== null} onChange={(e) => e.target.files?.[0] && void importArchive(e.target.files[0])} />
      {progress !== null && (
        <p role="status">
          Importing… <progress max={1} value={progress} aria-label="Archive upload progress" /> {Math.round(progress * 100)}%
        </p>
      )}
      {editing ? (
        <>
          <h3>Anchors of {editing.room.name}</h3>
          <AnchorEditor key={editing.n} start={editing.room} onSaved={() => onRoomsChanged()} />
          <button type="button" onClick={() => setEditing(null)}>Close the editor</button>
        </>
      ) : (
        <ModelImport onDraft={setEditing} />
      )}
    </section>
  );
}
