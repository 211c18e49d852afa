import { GatherMessage, GatherServerMessage, type GatherMove, type GatherStartMessage, type GatherStatePayload, type GatherView, type TrainingState } from "@otc/contract";
import { can } from "@otc/roles";
import { Vector3 } from "three";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { TrainingRoom } from "../connection/join-room.js";
import { EYE_HEIGHT, type LocalRig } from "../locomotion/local-rig.js";
import { teleportTo } from "../locomotion/teleport.js";
import { turnOriginAboutHead } from "../locomotion/vr-pose.js";
import { yawOf, type Walkable } from "../locomotion/walkable.js";

export interface GatherUiState {
  gather: GatherView | null;
  offsetMs: number;
  moderator: boolean;
  /** Moves this page has made (read by tests). */
  moves: number;
}

/**
 * Gathering on this page: the countdown (from the server's end time), "stay here", a facilitator's
 * start and cancel, and the move itself when the server says where to stand: on the desktop the view
 * jumps there; in VR the XR origin is turned and moved so the head stands there, facing the same way.
 */
export class GatherClient {
  readonly ui: StoreApi<GatherUiState>;

  constructor(
    private readonly room: TrainingRoom,
    private readonly rig: LocalRig,
    private readonly walkable: Walkable,
    private readonly inVr: () => boolean,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.ui = createStore<GatherUiState>()(() => ({ gather: null, offsetMs: 0, moderator: false, moves: 0 }));
    room.onMessage(GatherServerMessage.state, (s: GatherStatePayload) => this.ui.setState({ gather: s.gather, offsetMs: s.serverNow - this.clock() }));
    room.onMessage(GatherServerMessage.move, (m: GatherMove) => this.moveTo(m));
    const sync = (state: TrainingState) => {
      const moderator = can(state.participants?.get(room.sessionId)?.role ?? "participant", "moderate");
      if (moderator !== this.ui.getState().moderator) this.ui.setState({ moderator });
    };
    sync(room.state);
    room.onStateChange(sync);
  }

  /** Seconds left on the countdown (rounded up), null when none runs. */
  secondsLeft(): number | null {
    const g = this.ui.getState().gather;
    return g ? Math.max(0, Math.ceil((g.endsAt - this.clock() - this.ui.getState().offsetMs) / 1000)) : null;
  }

  start(value: GatherStartMessage): void {
    this.room.send(GatherMessage.start, value);
  }
  cancel(): void {
    this.room.send(GatherMessage.cancel, {});
  }
  stay(): void {
    this.room.send(GatherMessage.stay, {});
  }

  private moveTo({ x, z, yaw }: GatherMove): void {
    const rig = this.rig;
    rig.walkTarget = null;
    if (this.inVr() && rig.origin) {
      turnOriginAboutHead(rig.origin, rig.head.p[0], rig.head.p[2], yaw - yawOf(rig.head.q));
      teleportTo(rig, new Vector3(x, 0, z), this.walkable);
    } else {
      rig.desktopHead.set(x, EYE_HEIGHT + rig.followFloor(x, z, 1), z);
      rig.yaw = yaw;
      rig.pitch = 0;
      rig.head = { p: [x, rig.desktopHead.y, z], q: [0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)] };
      rig.teleported = true;
    }
    this.ui.setState({ moves: this.ui.getState().moves + 1 });
  }
}

// One per joined room, shared by the notice, the facilitator's section and the VR tab (mounted apart).
const clients = new WeakMap<TrainingRoom, GatherClient>();

export function gatherFor(room: TrainingRoom, rig: LocalRig, walkable: Walkable, inVr: () => boolean): GatherClient {
  let c = clients.get(room);
  if (!c) clients.set(room, (c = new GatherClient(room, rig, walkable, inVr)));
  return c;
}
