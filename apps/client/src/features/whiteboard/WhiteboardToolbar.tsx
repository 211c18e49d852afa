import { BOARD_TEMPLATES, type BoardTemplate } from "@otc/contract";
import { can } from "@otc/roles";
import { useMemo } from "react";
import { useStore } from "zustand";
import { useSession, useSessionUi } from "../../session-context.js";
import { boardsClientFor, type ToolKind } from "./boards-client.js";
import { downloadBoard, importBoardJson } from "./export-board.js";
import "./whiteboard.css";

const TOOLS: Array<[ToolKind, string]> = [
  ["pen", "Pen"],
  ["highlighter", "Highlighter"],
  ["eraser", "Eraser"],
  ["note", "Sticky note"],
  ["look", "Look (no drawing)"],
];
/** The pen colours and widths (board units), shared with the VR hand menu's Board tab. */
export const COLOURS = ["#1e3a8a", "#111827", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a"];
const NOTE_COLOURS = ["#fff59d", "#c8e6c9", "#bbdefb", "#ffcdd2"];
export const WIDTHS: Array<[number, string]> = [
  [6, "Thin"],
  [12, "Medium"],
  [28, "Thick"],
];

/** The whiteboard tools (DOM, desktop): tool, colour, width, note text, undo/redo, export, and for facilitators clear and templates. */
export function WhiteboardToolbar() {
  const { room, layout, selfId, sessionId } = useSession();
  const client = useMemo(() => boardsClientFor(room, layout.boards), [room, layout.boards]);
  const t = useStore(client.tools);
  const role = useSessionUi((s) => s.participants.find((p) => p.id === selfId)?.role ?? "participant");
  if (layout.boards.length === 0) return null;
  const board = t.activeBoard;
  const replica = client.replicas.get(board);
  return (
    <section className="hud board-bar" aria-label="Whiteboard tools">
      <label>
        Board{" "}
        <select value={board} onChange={(e) => t.set({ activeBoard: e.target.value })} aria-label="Board">
          {layout.boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.id}
            </option>
          ))}
        </select>
      </label>
      <div className="row" role="group" aria-label="Tool">
        {TOOLS.map(([tool, label]) => (
          <button key={tool} aria-pressed={t.tool === tool} onClick={() => t.set({ tool })}>
            {label}
          </button>
        ))}
      </div>
      {t.tool === "note" ? (
        <>
          <div className="row" role="group" aria-label="Note colour">
            {NOTE_COLOURS.map((c) => (
              <button key={c} className="swatch" style={{ background: c }} aria-label={`Note colour ${c}`} aria-pressed={t.noteColour === c} onClick={() => t.set({ noteColour: c })} />
            ))}
          </div>
          <textarea aria-label="Note text" maxLength={280} rows={3} value={t.noteText} placeholder="Type, then click the board" onChange={(e) => t.set({ noteText: e.target.value })} />
          {t.editingNote !== null && (
            <button onClick={() => (client.send(board, { t: "note-edit", id: t.editingNote!, text: t.noteText }), t.set({ editingNote: null }))}>Update note</button>
          )}
        </>
      ) : (
        <>
          <div className="row" role="group" aria-label="Colour">
            {COLOURS.map((c) => (
              <button key={c} className="swatch" style={{ background: c }} aria-label={`Colour ${c}`} aria-pressed={t.colour === c} onClick={() => t.set({ colour: c })} />
            ))}
          </div>
          <div className="row" role="group" aria-label="Width">
            {WIDTHS.map(([w, label]) => (
              <button key={w} aria-pressed={t.width === w} onClick={() => t.set({ width: w })}>
                {label}
              </button>
            ))}
          </div>
        </>
      )}
      <div className="row">
        <button onClick={() => client.send(board, { t: "undo" })} title="Ctrl+Z">
          Undo
        </button>
        <button onClick={() => client.send(board, { t: "redo" })} title="Ctrl+Shift+Z">
          Redo
        </button>
      </div>
      {replica && (
        <div className="row" role="group" aria-label="Export">
          <button onClick={() => void downloadBoard(replica, "png", sessionId)}>PNG</button>
          <button onClick={() => void downloadBoard(replica, "svg", sessionId)}>SVG</button>
          <button onClick={() => void downloadBoard(replica, "json", sessionId)}>JSON</button>
        </div>
      )}
      {can(role, "board-clear") && (
        <div className="row" role="group" aria-label="Facilitator">
          <button onClick={() => client.send(board, { t: "clear" })}>Clear board</button>
          <select aria-label="Template" value="" onChange={(e) => e.target.value && client.send(board, { t: "template", name: e.target.value as BoardTemplate })}>
            <option value="">Template…</option>
            {BOARD_TEMPLATES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <label className="import">
            Import JSON
            <input
              type="file"
              accept="application/json,.json"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (!file) return;
                const result = importBoardJson(await file.text(), (op) => client.send(board, op));
                if (!result.ok) window.alert(`Import failed: ${result.reason}`);
              }}
            />
          </label>
        </div>
      )}
    </section>
  );
}
