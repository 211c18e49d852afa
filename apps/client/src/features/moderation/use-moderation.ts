import type { TrainingState } from "@otc/contract";
import { useEffect, useState } from "react";
import { useSession } from "../../session-context.js";

/** The moderation part of the room state as plain data (see ModerationState in the contract). */
export interface ModerationView {
  locked: boolean;
  capacity: number;
  /** Session ids of raised hands, first raised first. */
  hands: string[];
  speaking: string;
  waiting: { personId: string; name: string; since: number }[];
  blocked: { personId: string; name: string }[];
  chatOff: string[];
}

export function moderationView(state: TrainingState): ModerationView {
  const m = state.moderation;
  const waiting: ModerationView["waiting"] = [];
  m.waiting.forEach((w) => waiting.push({ personId: w.personId, name: w.name, since: w.since }));
  const blocked: ModerationView["blocked"] = [];
  m.blocked.forEach((name, personId) => blocked.push({ personId, name }));
  const chatOff: string[] = [];
  m.chatOff.forEach((off, id) => off && chatOff.push(id));
  return { locked: m.locked, capacity: m.capacity, hands: [...m.hands], speaking: m.speaking, waiting: waiting.sort((a, b) => a.since - b.since), blocked, chatOff };
}

const EMPTY: ModerationView = { locked: false, capacity: 0, hands: [], speaking: "", waiting: [], blocked: [], chatOff: [] };

/** The room's moderation state, re-rendering only when it changes (the room patches many times a second). */
export function useModeration(): ModerationView {
  const { room } = useSession();
  const [view, setView] = useState<ModerationView>(EMPTY);
  useEffect(() => {
    let key = "";
    const sync = () => {
      if (!room.state.moderation) return;
      const next = moderationView(room.state);
      const nextKey = JSON.stringify(next);
      if (nextKey === key) return;
      key = nextKey;
      setView(next);
    };
    sync();
    room.onStateChange(sync);
    return () => room.onStateChange.remove(sync);
  }, [room]);
  return view;
}
