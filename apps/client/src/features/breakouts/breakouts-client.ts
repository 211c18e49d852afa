import { BreakoutMessage, BreakoutServerMessage, type BreakoutBroadcast, type BreakoutGalleryMessage, type BreakoutGalleryPayload, type BreakoutGalleryShow, type BreakoutGo, type BreakoutPlanMessage, type BreakoutStatePayload, type TrainingState } from "@otc/contract";
import { phaseAt, type BreakoutPhase } from "@otc/breakouts";
import { can } from "@otc/roles";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TrainingRoom } from "../connection/join-room.js";

export interface BreakoutsUiState {
  state: BreakoutStatePayload | null;
  /** Server clock minus this page's clock when the state arrived (ms): the countdown runs on the page. */
  offsetMs: number;
  /** The last message a facilitator sent to every group. */
  message: BreakoutBroadcast | null;
  /** An invitation this page has not followed yet (the switch is under way, or failed and waits for a click). */
  pending: BreakoutGo | null;
  moderator: boolean;
  /** Main-room boards showing a group's board after a breakout (everyone sees them). */
  gallery: BreakoutGalleryShow[];
  /** The page of groups "show all" last put up, and how many pages the groups fill (more groups than boards). */
  galleryPage: { page: number; pages: number };
}

/**
 * Breakouts of one joined room on this page: the server's view (plan, running breakout, which group
 * this is) in a store shared by the desktop panel, the notice and the VR tab, and the facilitator's
 * actions. The server decides; the page only follows the invitations it is sent.
 */
export class BreakoutsClient {
  readonly ui: StoreApi<BreakoutsUiState>;

  constructor(
    private readonly room: TrainingRoom,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.ui = createStore<BreakoutsUiState>()(() => ({ state: null, offsetMs: 0, message: null, pending: null, moderator: false, gallery: [], galleryPage: { page: 0, pages: 0 } }));
    room.onMessage(BreakoutServerMessage.gallery, (g: BreakoutGalleryPayload) => this.ui.setState({ gallery: g.shows, galleryPage: { page: g.page, pages: g.pages } }));
    room.onMessage(BreakoutServerMessage.state, (s: BreakoutStatePayload) => this.ui.setState({ state: s, offsetMs: s.serverNow - this.clock() }));
    room.onMessage(BreakoutServerMessage.go, (go: BreakoutGo) => this.ui.setState({ pending: go }));
    room.onMessage(BreakoutServerMessage.message, (m: BreakoutBroadcast) => this.ui.setState({ message: m }));
    const sync = (state: TrainingState) => {
      const moderator = can(state.participants?.get(room.sessionId)?.role ?? "participant", "moderate");
      if (moderator !== this.ui.getState().moderator) this.ui.setState({ moderator });
    };
    sync(room.state);
    room.onStateChange(sync);
    room.send(BreakoutMessage.sync, {});
  }

  serverNow(): number {
    return this.clock() + this.ui.getState().offsetMs;
  }

  /** Milliseconds until people go back, null when no breakout runs here. */
  remaining(): number | null {
    const r = this.ui.getState().state?.running;
    return r ? Math.max(0, r.endsAt - this.serverNow()) : null;
  }

  phase(): BreakoutPhase | null {
    const r = this.ui.getState().state?.running;
    return r ? phaseAt(r, this.serverNow()) : null;
  }

  plan(value: BreakoutPlanMessage): void {
    this.room.send(BreakoutMessage.plan, value);
  }
  move(personId: string, group: number): void {
    this.room.send(BreakoutMessage.move, { personId, group });
  }
  start(seconds: number, room?: string): void {
    this.room.send(BreakoutMessage.start, room ? { seconds, room } : { seconds });
  }
  /** Starts a plan prepared in the console on the people present. */
  startPlan(planId: string): void {
    this.room.send(BreakoutMessage.startPlan, { planId });
  }
  gallery(value: BreakoutGalleryMessage): void {
    this.room.send(BreakoutMessage.gallery, value);
  }
  broadcast(text: string): void {
    this.room.send(BreakoutMessage.broadcast, { text });
  }
  visit(group: number): void {
    this.room.send(BreakoutMessage.visit, { group });
  }
  end(): void {
    this.room.send(BreakoutMessage.end, {});
  }
  back(): void {
    this.room.send(BreakoutMessage.back, {});
  }
  followed(): void {
    this.ui.setState({ pending: null });
  }
}

// One client per joined room, shared by the notice, the facilitator's section and the VR tab, which
// mount in different places (the page's overlay, the facilitation panel, the hand menu). Keyed by
// the room object, so a room left behind is forgotten with it.
const clients = new WeakMap<TrainingRoom, BreakoutsClient>();

/** The breakouts client of a joined room, made on first use. */
export function breakoutsFor(room: TrainingRoom): BreakoutsClient {
  let c = clients.get(room);
  if (!c) clients.set(room, (c = new BreakoutsClient(room)));
  return c;
}
