import type { VoiceRoomLayout } from "@otc/contract";
import { distanceBetween, distanceGain, distanceModelFor, type DistanceModel, type Vec3 } from "./distance.js";
import { insideRect, zoneAt, type AudioZone, type FloorRect } from "./zones.js";

/** A room's voice rules, resolved from its layout and the live room switches. */
export interface VoiceRules {
  distance: DistanceModel;
  stage: FloorRect | null;
  /** Auditorium: presenter/stage audio is not spatialised. */
  stageFlat: boolean;
  zones: readonly AudioZone[];
  /** Room-wide spatial audio switch (facilitator). */
  spatial: boolean;
}

export function voiceRulesFor(layout: VoiceRoomLayout | undefined, spatial = true): VoiceRules {
  return {
    distance: distanceModelFor(layout?.distance),
    stage: layout?.stage ?? null,
    stageFlat: layout?.stageFlat ?? false,
    zones: layout?.zones ?? [],
    spatial,
  };
}

/** Someone who may be heard: where their head is and whether a facilitator made them presenter. */
export interface Speaker {
  id: string;
  head: Vec3;
  presenter: boolean;
}

/** Presenting: made presenter by a facilitator, or standing on the room's stage. */
export function isPresenting(s: Speaker, rules: VoiceRules): boolean {
  return s.presenter || (rules.stage !== null && insideRect(s.head[0], s.head[2], rules.stage));
}

export type Hearing =
  | { audible: false; reason: "other-zone" }
  | {
      audible: true;
      /** Pan from the speaker's head (HRTF) rather than play flat. */
      spatial: boolean;
      /** Attenuate with distance; false for presenters (full level everywhere). */
      attenuate: boolean;
      /** The level the listener should get, 0..1, before their own volume setting. */
      gain: number;
      reason: "presenter" | "nearby";
    };

/**
 * How `listener` hears `speaker`. Presenters reach everyone at full level, zones included (panned
 * unless the room is an auditorium or spatial audio is off). Otherwise only people in the same zone
 * (or both in the open room) hear each other, attenuated by the distance model when spatial.
 */
export function hearing(listener: Vec3, speaker: Speaker, rules: VoiceRules, selfSpatial = true): Hearing {
  const spatial = rules.spatial && selfSpatial;
  if (isPresenting(speaker, rules)) {
    return { audible: true, spatial: spatial && !rules.stageFlat, attenuate: false, gain: 1, reason: "presenter" };
  }
  if (zoneAt(listener[0], listener[2], rules.zones) !== zoneAt(speaker.head[0], speaker.head[2], rules.zones)) {
    return { audible: false, reason: "other-zone" };
  }
  const gain = spatial ? distanceGain(distanceBetween(listener, speaker.head), rules.distance) : 1;
  return { audible: true, spatial, attenuate: spatial, gain, reason: "nearby" };
}
