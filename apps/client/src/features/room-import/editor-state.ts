import type { BrandKit, PanelAnchor, RoomLayout } from "@otc/contract";
import { wallSpot, yawToward } from "./wall-snap.js";

/** What a click on the plan places. */
export type Tool = "spawn" | "screen" | "board" | "seats" | "logo";
/** The lists of placed items the editor edits. */
export type ItemKind = "spawns" | "screens" | "boards" | "seats";

/** Editable figures of one placed item, metres and degrees; `y`, `width`, `height` for panels only. */
export interface ItemFields {
  x: number;
  z: number;
  y?: number;
  yawDeg: number;
  width?: number;
  height?: number;
}

export interface EditorState {
  room: RoomLayout;
  /** Earlier rooms, newest last (Undo pops one). */
  past: RoomLayout[];
}

export type EditorAction =
  | { type: "place"; tool: Tool; x: number; z: number }
  | { type: "update"; kind: ItemKind; index: number; fields: Partial<ItemFields> }
  | { type: "remove"; kind: ItemKind; index: number }
  | { type: "rename"; id?: string; name?: string }
  | { type: "logo"; text?: string; size?: number; y?: number }
  | { type: "brand"; brand: BrandKit | undefined }
  /** The height of the model's floor in the model's own coordinates (metres): the model is lowered by it. */
  | { type: "floor"; height: number }
  /** Unsaved changes kept from an earlier visit, put back (undoable). */
  | { type: "restore"; room: RoomLayout }
  | { type: "undo" };

/** Screens and boards on walls: size and centre height, metres. */
export const PANEL = { width: 2.4, height: 1.35, y: 1.6 } as const;
/** A seat row: six chairs 0.7 m apart. */
export const SEAT_ROW = { columns: 6, rows: 1, dx: 0.7, dz: 0.9 } as const;
const UNDO_DEPTH = 100;
const round = (n: number) => Math.round(n * 100) / 100;

function freeId(prefix: string, taken: readonly { id: string }[]): string {
  for (let n = 1; ; n++) if (!taken.some((a) => a.id === `${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** Where people and seats look by default: the first screen, else the first board, else the room's middle. */
function focus(room: RoomLayout): [number, number] {
  const p = room.screens[0]?.position ?? room.boards[0]?.position;
  return p ? [p[0], p[2]] : [0, 0];
}

function placed(room: RoomLayout, tool: Tool, x: number, z: number): RoomLayout {
  const [fx, fz] = focus(room);
  switch (tool) {
    case "spawn":
      return { ...room, spawns: [...room.spawns, { position: [round(x), 0, round(z)], yawDeg: yawToward(x, z, fx, fz) }] };
    case "screen":
    case "board": {
      const key = tool === "screen" ? "screens" : "boards";
      const spot = wallSpot(room, x, z);
      const anchor: PanelAnchor = { id: freeId(tool, room[key]), position: [spot.x, PANEL.y, spot.z], yawDeg: spot.yawDeg, width: PANEL.width, height: PANEL.height };
      return { ...room, [key]: [...room[key], anchor] };
    }
    case "logo":
      return withLogoAt(room, x, z);
    case "seats": {
      // The clicked point is the middle of the row; the block's position is its first seat.
      const yawDeg = yawToward(x, z, fx, fz);
      const half = ((SEAT_ROW.columns - 1) * SEAT_ROW.dx) / 2;
      const a = (yawDeg * Math.PI) / 180;
      const position: [number, number, number] = [round(x - half * Math.cos(a)), 0, round(z + half * Math.sin(a))];
      return { ...room, seats: [...room.seats, { position, yawDeg, grid: { ...SEAT_ROW } }] };
    }
  }
}

function updated(room: RoomLayout, kind: ItemKind, index: number, f: Partial<ItemFields>): RoomLayout {
  const move = (p: [number, number, number], keepY: boolean): [number, number, number] => [f.x ?? p[0], keepY ? (f.y ?? p[1]) : p[1], f.z ?? p[2]];
  switch (kind) {
    case "spawns":
      return { ...room, spawns: room.spawns.map((s, i) => (i === index ? { position: move(s.position, false), yawDeg: f.yawDeg ?? s.yawDeg } : s)) };
    case "seats":
      return { ...room, seats: room.seats.map((s, i) => (i === index ? { ...s, position: move(s.position, false), yawDeg: f.yawDeg ?? s.yawDeg } : s)) };
    case "screens":
    case "boards":
      return {
        ...room,
        [kind]: room[kind].map((a, i) =>
          i === index ? { ...a, position: move(a.position, true), yawDeg: f.yawDeg ?? a.yawDeg, width: f.width ?? a.width, height: f.height ?? a.height } : a,
        ),
      };
  }
}

function removed(room: RoomLayout, kind: ItemKind, index: number): RoomLayout {
  // A room keeps at least one spawn (the schema asks for one).
  if (kind === "spawns" && room.spawns.length <= 1) return room;
  return { ...room, [kind]: room[kind].filter((_, i) => i !== index) };
}

/** The anchor editor's reducer: every change but Undo pushes the previous room onto the undo stack. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  if (action.type === "undo") {
    const previous = state.past.at(-1);
    return previous ? { room: previous, past: state.past.slice(0, -1) } : state;
  }
  let room: RoomLayout;
  switch (action.type) {
    case "place":
      room = placed(state.room, action.tool, action.x, action.z);
      break;
    case "update":
      room = updated(state.room, action.kind, action.index, action.fields);
      break;
    case "remove":
      room = removed(state.room, action.kind, action.index);
      break;
    case "rename":
      room = { ...state.room, id: action.id ?? state.room.id, name: action.name ?? state.room.name };
      break;
    case "logo": {
      const { logo } = state.room;
      const position: [number, number, number] = [logo.position[0], action.y ?? logo.position[1], logo.position[2]];
      room = { ...state.room, logo: { ...logo, position, text: action.text ?? logo.text, size: action.size ?? logo.size } };
      break;
    }
    case "floor": {
      const env = state.room.environment;
      room = env && Number.isFinite(action.height) ? { ...state.room, environment: { ...env, offset: [env.offset[0], round(-action.height), env.offset[2]] } } : state.room;
      break;
    }
    case "restore":
      room = action.room;
      break;
    case "brand": {
      const { brand: _old, ...rest } = state.room;
      room = action.brand ? { ...rest, brand: action.brand } : rest;
      break;
    }
  }
  if (room === state.room) return state;
  return { room, past: [...state.past, state.room].slice(-UNDO_DEPTH) };
}

/** The room with its logo on the wall face nearest (x, z), facing into the room, at its height. */
export function withLogoAt(room: RoomLayout, x: number, z: number): RoomLayout {
  const spot = wallSpot(room, x, z);
  return { ...room, logo: { ...room.logo, position: [spot.x, room.logo.position[1], spot.z], yawDeg: spot.yawDeg } };
}

/** The editor's first state: a room file (a draft from a report, or a saved room opened again). */
export function initialEditor(room: RoomLayout): EditorState {
  return { room, past: [] };
}
