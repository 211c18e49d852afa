import type { DeviceKind, Role } from "@otc/contract";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Wording } from "../i18n/wording.js";

export type ConnectionStatus = "connected" | "reconnecting" | "disconnected";

/** What the DOM overlay shows about one participant; a plain copy of the schema object. */
export interface ParticipantView {
  id: string;
  name: string;
  colour: string;
  device: DeviceKind;
  role: Role;
  connected: boolean;
  slot: number;
}

/** Discrete, UI-facing state of one joined session. Per-frame data never goes here. */
export interface SessionUiState {
  status: ConnectionStatus;
  participants: ParticipantView[];
  /** Worded when shown, in the language of the moment; a plain string comes from code not yet on the catalogues. */
  notice: Wording | string | null;
  inVr: boolean;
  /** Seated mode in VR (the tracked space is lifted to a standing height); chosen in the hand menu's Me tab. */
  seated: boolean;
  /** The room this page is switching to (a door), shown as "Going to …"; null otherwise. */
  goingTo: string | null;
  setStatus(status: ConnectionStatus): void;
  setParticipants(participants: ParticipantView[]): void;
  setNotice(notice: Wording | string | null): void;
  setInVr(inVr: boolean): void;
  setSeated(seated: boolean): void;
  setGoingTo(goingTo: string | null): void;
}

export type SessionStore = StoreApi<SessionUiState>;

export function createSessionStore(): SessionStore {
  return createStore<SessionUiState>()((set) => ({
    status: "connected",
    participants: [],
    notice: null,
    inVr: false,
    seated: false,
    goingTo: null,
    setStatus: (status) => set({ status }),
    setParticipants: (participants) => set({ participants }),
    setNotice: (notice) => set({ notice }),
    setInVr: (inVr) => set({ inVr }),
    setSeated: (seated) => set({ seated }),
    setGoingTo: (goingTo) => set({ goingTo }),
  }));
}

/** True when two participant lists would render the same; avoids re-rendering on every patch. */
export function sameParticipants(a: readonly ParticipantView[], b: readonly ParticipantView[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i]!;
    return p.id === q.id && p.name === q.name && p.colour === q.colour && p.device === q.device && p.role === q.role && p.connected === q.connected && p.slot === q.slot;
  });
}
