import type { BandwidthMode, RoomLayout } from "@otc/contract";
import type { Group, Object3D } from "three";
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { A11yStore } from "./features/a11y/a11y-store.js";
import type { ComfortStore } from "./features/comfort/comfort-store.js";
import type { AvatarRegistry } from "./features/avatars/avatar-registry.js";
import type { JoinRequest, TrainingRoom } from "./features/connection/join-room.js";
import type { PendingArrival, RoomInvitation, RoomSwitchRecord, SwitchHow } from "./features/connection/switch-room.js";
import type { SessionStore, SessionUiState } from "./features/connection/session-store.js";
import type { LocalRig } from "./features/locomotion/local-rig.js";
import type { WorldUi } from "./features/hand-menu/world-ui.js";
import type { PresenceReceiver } from "./features/presence/presence-receiver.js";
import type { VoiceEngine } from "./features/voice/voice-engine.js";
import type { XrHandle } from "./features/xr/xr-handle.js";

/** Counters the test hooks read; incremented by the send phase. */
export interface FrameCounters {
  frames: number;
  sentPoses: number;
  /** Draw calls and triangles of the last rendered frame (renderer.info). */
  lastRender: { calls: number; triangles: number; textures: number; geometries: number };
  /** The rendered scene, for measurements made on demand (test hooks); null before the first frame. */
  scene: Object3D | null;
  /** Room switches of this page (doors), oldest first: the test hooks and the benchmark read them. */
  roomSwitches: RoomSwitchRecord[];
}

/** Everything one joined session is made of, handed down by React context (no globals). */
export interface Session {
  room: TrainingRoom;
  endpoint: string;
  /** What this page joined with; a rejoin after a server restart sends it again. */
  request: JoinRequest;
  /** Called when the room is gone for good (server restart, seat expired): the app joins again. */
  onLost(): void;
  /**
   * Moves this page to another session in place (doors; breakout rooms later): joins it, swaps the
   * room, keeps the XR session, microphone and look, and leaves this room. Resolves false, with the
   * reason as a notice, when the join is refused: the person stays here.
   */
  switchRoom(to: RoomInvitation, how?: SwitchHow): Promise<boolean>;
  /**
   * Low-bandwidth mode switched in the room (desktop menu, VR comfort tab): the server thins presence
   * and voices at once, the voice lowers, slides and new avatars follow; `request` carries the choice
   * into rejoins and room switches. The room's own model changes only at the next join.
   */
  setBandwidth(mode: BandwidthMode): void;
  /** Where to place the head in VR after a switch (once); null when one arrived at a spawn point. */
  arrival: PendingArrival | null;
  sessionId: string;
  selfId: string;
  /** The room as shown: the room file with the session's brand (logo, colours, banner) over it. */
  layout: RoomLayout;
  /** The room file as loaded, before the session's brand; a brand changed in the console is laid over it again. */
  roomLayout: RoomLayout;
  /** The room state's brand JSON that `layout` shows. */
  brand: string;
  /** The imported model drawn as the room (layout.environment), loaded and placed; null for built-in rooms. */
  environment: Group | null;
  store: SessionStore;
  xr: XrHandle;
  presence: PresenceReceiver;
  rig: LocalRig;
  avatars: AvatarRegistry;
  counters: FrameCounters;
  voice: VoiceEngine;
  /** The in-world (VR) UI's state: hand menu, its targets, the VR notice. */
  worldUi: WorldUi;
  /** Comfort choices of this device (locomotion, turning, vignette, menu placement), kept in localStorage. */
  comfort: ComfortStore;
  /** Accessibility choices of this device (reduced motion, mono audio, hint time), kept in localStorage. */
  a11y: A11yStore;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession must be used inside <SessionContext.Provider>");
  return session;
}

/** Selects discrete UI state of the current session. */
export function useSessionUi<T>(selector: (s: SessionUiState) => T): T {
  return useStore(useSession().store, selector);
}
