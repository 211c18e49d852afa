// Bytes per second one avatar costs in the shared presence stream (20 Hz, WebSocket framing included),
// walking against sitting and listening: the encoder's own figure, deterministic (seeded traces).
import { PRESENCE_HZ } from "@otc/contract";
import { JitterFilter, PresenceEncoder, seatedMotion, simulatedMotion, type AvatarPose } from "@otc/presence";

/** Colyseus frames a byte message as its type and a length header, and the WebSocket frame adds 2 bytes. */
const FRAMING_BYTES = 5;

export interface TraceCost {
  walkingBytesPerSecond: number;
  seatedBytesPerSecond: number;
  /** seated / walking */
  seatedRatio: number;
  /** Seated without the jitter filter, for comparison. */
  seatedUnfilteredBytesPerSecond: number;
}

function cost(trace: (t: number, i: number) => AvatarPose, people: number, seconds: number, filtered: boolean): number {
  const enc = new PresenceEncoder();
  const filters = Array.from({ length: people }, () => new JitterFilter());
  let bytes = 0;
  const ticks = seconds * PRESENCE_HZ;
  for (let k = 0; k < ticks; k++) {
    const t = k / PRESENCE_HZ;
    for (let i = 0; i < people; i++) {
      const pose = trace(t, i);
      enc.set(i, filtered ? filters[i]!.apply(pose, t * 1000) : pose);
    }
    const frame = enc.encodeDelta();
    if (frame) bytes += frame.length + FRAMING_BYTES;
  }
  return bytes / seconds / people;
}

export function traceCost(seconds: number): TraceCost {
  // 30 people in one room, everyone's changes in one frame per tick (framing shared, as in a room)
  const one = (trace: (t: number, i: number) => AvatarPose, filtered: boolean) => Math.round(cost(trace, 30, seconds, filtered));
  const walking = one((t, i) => simulatedMotion(t, i * 0.7), true);
  const seated = one((t, i) => seatedMotion(t, i + 1), true);
  return {
    walkingBytesPerSecond: walking,
    seatedBytesPerSecond: seated,
    seatedRatio: +(seated / walking).toFixed(2),
    seatedUnfilteredBytesPerSecond: one((t, i) => seatedMotion(t, i + 1), false),
  };
}
