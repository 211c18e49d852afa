import { ReactionFloats, type Lod } from "@otc/avatars";
import type { Reaction } from "@otc/contract";
import { VoiceCues } from "./voice-cues.js";

type Vec3 = [number, number, number];

/** What one remote avatar shows this frame (world metres), for test hooks and debugging. */
export interface AvatarView {
  id: string;
  visible: boolean;
  head: Vec3;
  /** Hand positions when tracked (VR controllers or hands), null for resting desktop hands. */
  left: Vec3 | null;
  right: Vec3 | null;
  /** Where the arms are drawn: shoulder, elbow, hand, for both sides. */
  arms: { left: [Vec3, Vec3, Vec3]; right: [Vec3, Vec3, Vec3] };
  /** Facing of the torso (radians about +y, 0 = −z), lagging behind the head. */
  bodyYaw: number;
  lod: Lod;
  cues: { speaking: boolean; muted: boolean; handRaised: boolean; away: boolean; mouth: number };
  /** "default" until an uploaded model is loaded, then "model"; "loading" meanwhile. */
  model: "default" | "loading" | "model";
}

/**
 * Everything the avatars feature shares with the rest of a session: the per-frame views of remote
 * avatars (written by the crowd renderer), the voice cues the voice feature feeds, and reactions in
 * flight. One per joined session (no module state).
 */
export class AvatarRegistry {
  readonly views = new Map<string, AvatarView>();
  readonly voice = new VoiceCues();
  readonly reactions = new ReactionFloats();
  /** Reactions stand still instead of floating up (reduced motion); set by the accessibility settings. */
  reducedMotion = false;
  /** Reactions received, for tests: who sent what. */
  readonly reactionLog: Array<{ id: string; reaction: Reaction }> = [];
  /** Draw calls and instance counts of the avatar system itself, last frame. */
  /** Uploaded models loaded in this session: how long each took (fetch + parse), for the benchmark. */
  readonly modelLoads: Array<{ url: string; ms: number }> = [];
  /** Last frame: instances drawn, avatars by level (near: full detail), those outside the view (not drawn), re-animated, JS ms. */
  readonly stats = { instances: 0, nearAvatars: 0, farAvatars: 0, culledAvatars: 0, updatedThisFrame: 0, updateMs: 0 };
}
