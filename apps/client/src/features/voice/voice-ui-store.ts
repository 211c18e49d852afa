import type { VoiceTransport } from "@otc/contract";
import { createStore, type StoreApi } from "zustand/vanilla";

export type MicState = "pending" | "live" | "denied";

/** Discrete voice state the HUD and people panel render (levels live in voice-levels, not here). */
export interface VoiceUiState {
  mic: MicState;
  /** Muted as the server has it (authoritative; a facilitator may have muted us). */
  muted: boolean;
  muteLocked: boolean;
  /** How many times someone else (a facilitator) muted us: each step is told as a notice. */
  forcedMutes: number;
  /** This person may moderate (facilitator, co-facilitator): shows the room controls. */
  moderator: boolean;
  roomSpatial: boolean;
  selfSpatial: boolean;
  transport: VoiceTransport;
  /** Connected people in the session (for the mesh-size warning). */
  people: number;
  /** Named audio zones in this room's layout (on mesh voice each listener's browser applies them). */
  zones: number;
  /** Per-person volume (0..2, default 1) and local mutes, this device only. */
  volumes: Record<string, number>;
  localMuted: Record<string, boolean>;
}

export type VoiceUiStore = StoreApi<VoiceUiState>;

export function createVoiceUiStore(joinMuted: boolean): VoiceUiStore {
  return createStore<VoiceUiState>()(() => ({
    mic: "pending",
    muted: joinMuted,
    muteLocked: false,
    forcedMutes: 0,
    moderator: false,
    roomSpatial: true,
    selfSpatial: true,
    transport: "mesh",
    people: 1,
    zones: 0,
    volumes: {},
    localMuted: {},
  }));
}
