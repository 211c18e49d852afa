import type { RoomLayout } from "@otc/contract";
import type { MessageKey, Translate } from "@otc/i18n";
import type { Dispatch } from "react";
import { useT } from "../i18n/language-context.js";
import type { EditorAction, ItemFields, ItemKind } from "./editor-state.js";

interface Row {
  kind: ItemKind;
  index: number;
  label: string;
  fields: ItemFields;
}

function rows(room: RoomLayout, t: Translate): Row[] {
  const panel = (kind: "screens" | "boards", noun: "rooms.item.screen" | "rooms.item.board") =>
    room[kind].map((a, index): Row => ({
      kind,
      index,
      label: t(noun, { id: a.id }),
      fields: { x: a.position[0], z: a.position[2], y: a.position[1], yawDeg: a.yawDeg, width: a.width, height: a.height },
    }));
  return [
    ...room.spawns.map((s, index): Row => ({ kind: "spawns", index, label: t("rooms.item.spawn", { n: index + 1 }), fields: { x: s.position[0], z: s.position[2], yawDeg: s.yawDeg } })),
    ...panel("screens", "rooms.item.screen"),
    ...panel("boards", "rooms.item.board"),
    ...room.seats.map((s, index): Row => ({ kind: "seats", index, label: t("rooms.item.seats", { n: index + 1 }), fields: { x: s.position[0], z: s.position[2], yawDeg: s.yawDeg } })),
  ];
}

const NAMES: Record<keyof ItemFields, MessageKey> = { x: "rooms.item.x", z: "rooms.item.z", y: "rooms.item.y", yawDeg: "rooms.item.yawDeg", width: "rooms.item.width", height: "rooms.item.height" };
const ORDER: Array<keyof ItemFields> = ["x", "z", "y", "yawDeg", "width", "height"];

/** The placed items with their figures as number fields, and Delete; each change is one undo step. */
export function ItemList({ room, dispatch }: { room: RoomLayout; dispatch: Dispatch<EditorAction> }) {
  const t = useT();
  return (
    <ul className="placed-items">
      {rows(room, t).map((r) => (
        <li key={`${r.kind}-${r.index}`} data-item={`${r.kind}-${r.index}`}>
          <strong>{r.label}</strong>
          <div className="row wrap">
            {ORDER.filter((k) => r.fields[k] !== undefined).map((k) => (
              <label key={k} className="field">
                {t(NAMES[k])}
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
            {t("rooms.editor.delete", { item: r.label })}
          </button>
        </li>
      ))}
    </ul>
  );
}
