/** A point in the room, metres: x right, y up, z towards the back (three.js convention). */
export type Vec3 = readonly [number, number, number];

/**
 * The Web Audio PannerNode distance model, so the gain computed here is the gain a listener's
 * panner applies. Distances in metres.
 */
export interface DistanceModel {
  model: "inverse" | "linear" | "exponential";
  refDistance: number;
  maxDistance: number;
  rolloffFactor: number;
}

/**
 * Tuned for conversation in a training room: full level up to 1.5 m, 0.75 at 2 m (clearly
 * audible), 0.1 at 15 m (faint, −20 dB). Rooms may override any field in their layout.
 */
export const CONVERSATION_DISTANCE: DistanceModel = { model: "inverse", refDistance: 1.5, maxDistance: 40, rolloffFactor: 1 };

/** Below this distance gain a speaker is treated as out of earshot (not worth a subscription). */
export const AUDIBLE_GAIN_FLOOR = 0.05;

export function distanceBetween(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Gain (0..1) at `distance` metres, per the Web Audio specification's formula for each model. */
export function distanceGain(distance: number, m: DistanceModel): number {
  const ref = m.refDistance;
  const d = Math.max(distance, ref);
  switch (m.model) {
    case "linear": {
      const f = Math.min(Math.max(m.rolloffFactor, 0), 1);
      if (m.maxDistance <= ref) return 1;
      return 1 - (f * (Math.min(d, m.maxDistance) - ref)) / (m.maxDistance - ref);
    }
    case "exponential":
      return Math.pow(d / ref, -m.rolloffFactor);
    case "inverse":
      return ref / (ref + m.rolloffFactor * (d - ref));
  }
}

/** A room's overrides merged onto the conversation defaults. */
export function distanceModelFor(overrides: Partial<DistanceModel> | undefined): DistanceModel {
  return { ...CONVERSATION_DISTANCE, ...overrides };
}
