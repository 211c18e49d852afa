import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { yawOf } from "../locomotion/walkable.js";
import type { SlidesClient } from "../slides/slides-client.js";
import { boardInFront } from "../whiteboard/board-in-front.js";
import { boardLine, mirrorOrder, personLine, screenLine, type MirrorPerson } from "./scene-text.js";

/** How often the description looks at the room, Hz: it changes only when what it says changes. */
const LOOK_HZ = 2;

/**
 * The room in words for screen readers (visually hidden, in the accessibility tree): who is here and
 * who speaks, what each screen shows, which board is in front. Read from the room state, the voice
 * cues and the head pose twice a second; React renders only when a line changes. Notices are
 * announced by the status line's live regions.
 */
export function SceneMirror({ slides }: { slides: SlidesClient }) {
  const t = useT();
  const { room, selfId, voice, rig, layout } = useSession();
  const screens = useStore(slides.ui, (s) => s.screens);
  const [people, setPeople] = useState<MirrorPerson[]>([]);
  const [board, setBoard] = useState<string | null>(null);
  useEffect(() => {
    let key = "";
    const look = () => {
      const next: MirrorPerson[] = [];
      room.state.participants.forEach((p, id) => {
        const cue = voice.levels.get(id);
        next.push({ name: p.name, role: p.role, self: id === selfId, speaking: cue?.speaking ?? false, handRaised: p.handRaised, muted: cue?.muted ?? false, away: p.away });
      });
      const nextKey = JSON.stringify(next);
      if (nextKey !== key) {
        key = nextKey;
        setPeople(mirrorOrder(next));
      }
      setBoard(boardInFront(rig.head.p[0], rig.head.p[2], yawOf(rig.head.q), layout.boards));
    };
    look();
    const timer = window.setInterval(look, 1000 / LOOK_HZ);
    return () => window.clearInterval(timer);
  }, [room, selfId, voice, rig, layout.boards]);
  return (
    <section className="visually-hidden scene-mirror" aria-label={t("a11y.mirror.title")}>
      <h2>{t("a11y.mirror.people")}</h2>
      <ul>
        {people.map((p, i) => (
          <li key={`${p.name}-${i}`}>{personLine(t, p)}</li>
        ))}
      </ul>
      {layout.screens.length > 0 && (
        <>
          <h2>{t("a11y.mirror.screens")}</h2>
          <ul>
            {layout.screens.map((s) => {
              const v = screens[s.id];
              return <li key={s.id}>{screenLine(t, { id: s.id, deck: v ? { name: v.deckName, page: v.page, pageCount: v.pageCount } : null })}</li>;
            })}
          </ul>
        </>
      )}
      {layout.boards.length > 0 && <p>{boardLine(t, board)}</p>}
    </section>
  );
}
