import { ServerMessage, WhiteboardServerMessage, reactionBroadcastSchema, type BoardPatch, type WireItem } from "@otc/contract";
import type { Session } from "../../session-context.js";
import type { OnboardingClient } from "./onboarding-client.js";

/** Path length of a stroke in board pixels (a note: 0). */
export function lineLength(item: WireItem): number {
  if (item.k !== "s") return 0;
  let length = 0;
  for (let i = 2; i + 1 < item.pts.length; i += 2) length += Math.hypot(item.pts[i]! - item.pts[i - 2]!, item.pts[i + 1]! - item.pts[i - 1]!);
  return length;
}

/**
 * Feeds the onboarding what the person really does, from the stores and messages the features
 * already keep: mute (the voice store, as the server has it), hand and reaction (the room), own
 * strokes (board patches the server stamped with this connection), the hand menu opening (VR) or a
 * tool panel unfolding (desktop), and the posture or height set (VR). Poses come per frame from
 * OnboardingInWorld. Returns the unsubscribe.
 */
export function watchOnboardingSources(session: Session, client: OnboardingClient): () => void {
  const { room, selfId, voice, worldUi, store } = session;
  const off: Array<() => void> = [];

  off.push(voice.ui.subscribe((s, prev) => s.muted !== prev.muted && client.feed({ kind: "mute", at: client.now(), muted: s.muted })));

  let raised = room.state.participants?.get(selfId)?.handRaised ?? false;
  const onState = () => {
    const now = room.state.participants?.get(selfId)?.handRaised ?? false;
    if (now !== raised) client.feed({ kind: "hand", at: client.now(), raised: now });
    raised = now;
  };
  room.onStateChange(onState);
  off.push(() => room.onStateChange.remove(onState));

  off.push(
    room.onMessage(ServerMessage.reaction, (payload: unknown) => {
      const r = reactionBroadcastSchema.safeParse(payload);
      if (r.success && r.data.id === selfId) client.feed({ kind: "reaction", at: client.now() });
    }),
    room.onMessage(WhiteboardServerMessage.boardPatch, (p: BoardPatch) => {
      if (p.by === selfId && p.cid !== undefined && p.put.length > 0) client.feed({ kind: "stroke", at: client.now(), boardId: p.board, length: Math.max(...p.put.map(lineLength)) });
    }),
  );

  off.push(worldUi.menu.subscribe((s, prev) => s.open && !prev.open && client.feed({ kind: "menu-open", at: client.now(), byPalm: s.byPalm })));
  off.push(store.subscribe((s, prev) => s.seated !== prev.seated && client.feed({ kind: "posture", at: client.now() })));

  // Desktop: unfolding one of the tool panels (chat, facilitation) is finding them.
  const onToggle = (e: Event) => {
    const el = e.target;
    if (el instanceof HTMLDetailsElement && el.open && el.classList.contains("hud")) client.feed({ kind: "menu-open", at: client.now() });
  };
  document.addEventListener("toggle", onToggle, true);
  off.push(() => document.removeEventListener("toggle", onToggle, true));

  return () => {
    for (const o of off) o();
  };
}
