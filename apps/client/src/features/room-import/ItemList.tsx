import type { RoomLayout } from "@otc/contract";
import type { Dispatch } from "react";
import type { EditorAction, ItemFields, ItemKind } from "./editor-state.js";

interface Row {
  kind: ItemKind;
  index: number;
  label: string;
  fields: ItemFields;
}

function rows(room: RoomLayout): Row[] {
  const panel = (kind: "screens" | "boards", noun: string) =>
    room[kind].map((a, index): Row => ({
      kind,
      index,
      label: `${noun} ${a.id}`,
      fields: { x: a.position[0], z: a.position[2], y: a.position[1], yawDeg: a.yawDeg, width: a.width, height: a.height },
    }));
  return [
    ...room.spawns.map((s, index): Row => ({ kind: "spawns", index, label: `Spawn ${index + 1}`, fields: { x: s.position[0], z: s.position[2], yawDeg: s.yawDeg } })),
    ...panel("screens", "Screen"),
    ...panel("boards", "Whiteboard"),
    ...room.seats.map((s, index): Row => ({ kind: "seats", index, label: `Seat row ${index + 1}`, fields: { x: s.position[0], z: s.position[2], yawDeg: s.yawDeg } })),
  ];
}

const NAMES: Record<keyof ItemFields, string> = { x: "x (m)", z: "z (m)", y: "Height of centre (m)", yawDeg: "Yaw (°)", width: "Width (m)", height: "Height (m)" };
const ORDER: Array<keyof ItemFields> = ["x", "z", "y", "yawDeg", "width", "height"];

/** The placed items with their figures as number fields, and Delete; each change is one undo step. */
export function ItemList({ room, dispatch }: { room: RoomLayout; dispatch: Dispatch<EditorAction> }) {
  return (
    <ul className="placed-items">
      {rows(room).map((r) => (
        <li key={`${r.kind}-${r.index}`} data-item={`${r.kind}-${r.index}`}>
          <strong>{r.label}</strong>
          <div className="row wrap">
            {ORDER.filter((k) => r.fields[k] !== undefined).map((k) => (
              <label key={k} className="field">
                {NAMES[k]}
                <input
                  type="number"
                  step={k === "yawDeg" ? 15 : 0.1}
                  value={r.fields[k]}
                  onChange={(e) => {
                    const v = e.target.valueAsNumber;
                    if (Number.isFinite(v)) dispatch({ type: "update", kind: r.kind, index: r.index, fields: { [k]: v } });
                  }}
                />
              </label>
            ))}
          </div>
          <button type="button" onClick={() => dispatch({ type: "remove", kind: r.kind, index: r.index })} disabled={r.kind === "spawns" && room.spawns.length <= 1}>
            Delete {r.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
