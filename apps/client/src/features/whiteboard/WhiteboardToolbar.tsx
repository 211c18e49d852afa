import { BOARD_TEMPLATES, type BoardTemplate } from "@otc/contract";
import { can } from "@otc/roles";
import { useEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import { useSession, useSessionUi } from "../../session-context.js";
import { boardsClientFor, type ToolKind } from "./boards-client.js";
import { downloadBoard, importBoardJson } from "./export-board.js";
import "./whiteboard.css";
import type { MessageKey } from "@otc/i18n";
import { useT } from "../i18n/language-context.js";
import { matches } from "../a11y/shortcuts.js";
import { isTypingTarget } from "../locomotion/keyboard.js";
import { yawOf } from "../locomotion/walkable.js";
import { boardInFront } from "./board-in-front.js";
import { addNoteFromKeyboard } from "./keyboard-note.js";

const TOOLS: Array<[ToolKind, MessageKey]> = [
  ["pen", "board.tool.pen"],
  ["highlighter", "board.tool.highlighter"],
  ["eraser", "board.tool.eraser"],
  ["note", "board.tool.note"],
  ["look", "board.tool.look"],
];
/** The pen colours and widths (board units), shared with the VR hand menu's Board tab (both word them through WIDTH_KEY). */
export const COLOURS = ["#1e3a8a", "#111827", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a"];
const NOTE_COLOURS = ["#fff59d", "#c8e6c9", "#bbdefb", "#ffcdd2"];
export const WIDTHS: Array<[number, string]> = [
  [6, "Thin"],
  [12, "Medium"],
  [28, "Thick"],
];
export const WIDTH_KEY: Record<number, MessageKey> = { 6: "board.width.thin", 12: "board.width.medium", 28: "board.width.thick" };
export const TEMPLATE_KEY: Record<BoardTemplate, MessageKey> = {
  blank: "board.template.blank",
  grid: "board.template.grid",
  swot: "board.template.swot",
  retro: "board.template.retro",
  kanban: "board.template.kanban",
};

/** The whiteboard tools (DOM, desktop): tool, colour, width, note text, undo/redo, export, and for facilitators clear and templates. */
export function WhiteboardToolbar() {
  const tr = useT();
  const { room, layout, selfId, sessionId, rig } = useSession();
  const client = useMemo(() => boardsClientFor(room, layout.boards), [room, layout.boards]);
  const t = useStore(client.tools);
  const role = useSessionUi((s) => s.participants.find((p) => p.id === selfId)?.role ?? "participant");
  const boardSelect = useRef<HTMLSelectElement>(null);
  const [said, setSaid] = useState("");
  // B: the board in front (or the one picked) gets the tools, and the focus goes to them.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || !matches(e, "board") || isTypingTarget(e.target) || layout.boards.length === 0) return;
      e.preventDefault();
      const front = boardInFront(rig.head.p[0], rig.head.p[2], yawOf(rig.head.q), layout.boards) ?? client.tools.getState().activeBoard;
      client.tools.getState().set({ activeBoard: front });
      setSaid(tr("a11y.board.picked", { board: front }));
      boardSelect.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [client, rig, layout.boards, tr]);
  if (layout.boards.length === 0) return null;
  const board = t.activeBoard;
  const replica = client.replicas.get(board);
  return (
    <section className="hud board-bar" aria-label={tr("board.tools")}>
      <label>
        {tr("board.board")}{" "}
        <select ref={boardSelect} value={board} onChange={(e) => t.set({ activeBoard: e.target.value })} aria-label={tr("board.board")}>
          {layout.boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.id}
            </option>
          ))}
        </select>
      </label>
      <div className="row" role="group" aria-label={tr("board.tool.group")}>
        {TOOLS.map(([tool, label]) => (
          <button key={tool} aria-pressed={t.tool === tool} onClick={() => t.set({ tool })}>
            {tr(label)}
          </button>
        ))}
      </div>
      {t.tool === "note" ? (
        <>
          <div className="row" role="group" aria-label={tr("board.noteColour")}>
            {NOTE_COLOURS.map((c) => (
              <button key={c} className="swatch" style={{ background: c }} aria-label={tr("board.noteColourOf", { colour: c })} aria-pressed={t.noteColour === c} onClick={() => t.set({ noteColour: c })} />
            ))}
          </div>
          <textarea aria-label={tr("board.noteText")} maxLength={280} rows={3} value={t.noteText} placeholder={tr("board.notePlaceholder")} onChange={(e) => t.set({ noteText: e.target.value })} />
          <button type="button" onClick={() => addNoteFromKeyboard(client, board) && setSaid(tr("a11y.board.placed", { board }))}>
            {tr("a11y.board.place")}
          </button>
          {t.editingNote !== null && (
            <button onClick={() => (client.send(board, { t: "note-edit", id: t.editingNote!, text: t.noteText }), t.set({ editingNote: null }))}>{tr("board.updateNote")}</button>
          )}
        </>
      ) : (
        <>
          <div className="row" role="group" aria-label={tr("board.colour")}>
            {COLOURS.map((c) => (
              <button key={c} className="swatch" style={{ background: c }} aria-label={tr("board.colourOf", { colour: c })} aria-pressed={t.colour === c} onClick={() => t.set({ colour: c })} />
            ))}
          </div>
          <div className="row" role="group" aria-label={tr("board.width.group")}>
            {WIDTHS.map(([w]) => (
              <button key={w} aria-pressed={t.width === w} onClick={() => t.set({ width: w })}>
                {tr(WIDTH_KEY[w]!)}
              </button>
            ))}
          </div>
        </>
      )}
      <div className="row">
        <button onClick={() => client.send(board, { t: "undo" })} title="Ctrl+Z">
          {tr("board.undo")}
        </button>
        <button onClick={() => client.send(board, { t: "redo" })} title="Ctrl+Shift+Z">
          {tr("board.redo")}
        </button>
      </div>
      {replica && (
        <div className="row" role="group" aria-label={tr("board.export")}>
          <button onClick={() => void downloadBoard(replica, "png", sessionId)}>PNG</button>
          <button onClick={() => void downloadBoard(replica, "svg", sessionId)}>SVG</button>
          <button onClick={() => void downloadBoard(replica, "json", sessionId)}>JSON</button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {can(role, "board-clear") && (
        <div className="row" role="group" aria-label={tr("role.facilitator")}>
          <button onClick={() => client.send(board, { t: "clear" })}>{tr("board.clear")}</button>
          <select aria-label={tr("board.template.label")} value="" onChange={(e) => e.target.value && client.send(board, { t: "template", name: e.target.value as BoardTemplate })}>
            <option value="">{tr("board.template.choose")}</option>
            {BOARD_TEMPLATES.map((name) => (
              <option key={name} value={name}>
                {tr(TEMPLATE_KEY[name])}
              </option>
            ))}
          </select>
          <label className="import">
            {tr("board.importJson")}
            <input
              type="file"
              accept="application/json,.json"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (!file) return;
                const result = importBoardJson(await file.text(), (op) => client.send(board, op));
                if (!result.ok) window.alert(tr("board.importFailed", { reason: result.reason }));
              }}
            />
          </label>
        </div>
      )}
    </section>
  );
}
