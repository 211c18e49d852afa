import type { BoardsClient } from "./boards-client.js";
import { NOTE_SIZE } from "./board-gestures.js";

const MARGIN = 60; // board units between notes and from the edge

/**
 * Where a note added from the keyboard goes on a board of w × h units that holds `notes` notes
 * already: left to right, top to bottom in a grid of note-sized cells, starting again at the top
 * left once the board is full. Board units, the note's top-left corner.
 */
export function noteSpot(w: number, h: number, notes: number): { x: number; y: number } {
  const columns = Math.max(1, Math.floor((w - MARGIN) / (NOTE_SIZE.w + MARGIN)));
  const rows = Math.max(1, Math.floor((h - MARGIN) / (NOTE_SIZE.h + MARGIN)));
  const cell = notes % (columns * rows);
  return { x: MARGIN + (cell % columns) * (NOTE_SIZE.w + MARGIN), y: MARGIN + Math.floor(cell / columns) * (NOTE_SIZE.h + MARGIN) };
}

/** Adds the toolbar's note (its text and colour) to `board` without a pointer: the keyboard's way to place a sticky note. */
export function addNoteFromKeyboard(client: BoardsClient, board: string): boolean {
  const replica = client.replicas.get(board);
  if (!replica) return false;
  const tools = client.tools.getState();
  const notes = [...replica.items.values()].filter((i) => i.k === "n").length;
  const { x, y } = noteSpot(replica.w, replica.h, notes);
  client.send(board, { t: "note", colour: tools.noteColour, text: tools.noteText.trim() || "…", x, y, ...NOTE_SIZE });
  tools.set({ editingNote: null, noteText: "" });
  return true;
}
