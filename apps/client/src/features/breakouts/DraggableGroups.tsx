import { useState, type ReactNode } from "react";
import { useT } from "../i18n/language-context.js";

/** The drag payload's type: a member's key (a person id in the room, a name in the console). */
const MEMBER_MIME = "application/x-otc-member";

export interface GroupColumn {
  /** Where a member dropped here goes: a group index, or -1 (the main room). */
  target: number;
  title: string;
  members: readonly string[];
  /** Shown under the title (the console's room choice). */
  extra?: ReactNode;
}

/**
 * Groups as columns whose members can be dragged from one to another (HTML5 drag and drop); each
 * member also has a "Move to group N" menu, the same move for the keyboard and screen readers.
 */
export function DraggableGroups({ columns, label, menuLabel, onMove, onRemove }: {
  columns: readonly GroupColumn[];
  label(member: string): string;
  /** The accessible name of a member's "move to" menu. */
  menuLabel(member: string): string;
  onMove(member: string, to: number): void;
  onRemove?(member: string): void;
}) {
  const t = useT();
  const [over, setOver] = useState<number | null>(null);
  return (
    <div className="dnd-groups">
      <p className="quiet">{t("breakoutplans.dragHint")}</p>
      {columns.map((col) => (
        <div
          key={col.target}
          role="group"
          aria-label={col.title}
          className={`dnd-group${over === col.target ? " over" : ""}`}
          data-target={col.target}
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes(MEMBER_MIME)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = "move";
            setOver(col.target);
          }}
          onDragLeave={() => setOver((o) => (o === col.target ? null : o))}
          onDrop={(e) => {
            e.preventDefault();
            setOver(null);
            const member = e.dataTransfer.getData(MEMBER_MIME);
            if (member) onMove(member, col.target);
          }}
        >
          <h4>{col.title}</h4>
          {col.extra}
          {col.members.length === 0 && <p className="quiet">{t("breakoutplans.console.dropHere")}</p>}
          <ul>
            {col.members.map((m) => (
              <li key={m} className="row dnd-member" draggable onDragStart={(e) => (e.dataTransfer.setData(MEMBER_MIME, m), (e.dataTransfer.effectAllowed = "move"))}>
                <span className="name">{label(m)}</span>
                <select aria-label={menuLabel(m)} value={col.target} onChange={(e) => onMove(m, Number(e.target.value))}>
                  {columns.map((c) => (
                    <option key={c.target} value={c.target}>
                      {c.target === col.target ? c.title : c.target < 0 ? c.title : t("breakoutplans.moveOption", { n: c.target + 1 })}
                    </option>
                  ))}
                </select>
                {onRemove && (
                  <button type="button" className="small" aria-label={t("breakoutplans.console.remove", { name: label(m) })} onClick={() => onRemove(m)}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
