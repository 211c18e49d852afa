import { seededRandom } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { PresenceDecoder, PresenceEncoder } from "./codec.js";
import { simulatedMotion } from "./motion.js";
import { quatAngle } from "./quantise.js";
import { cloneAvatarPose, type AvatarPose, type Pose } from "./types.js";

const EXACT = { headMm: 0.5, handMm: 1.5, rad: 0.004 };
/** Quantisation plus one deadband step (1 mm head, 2 mm hands, 1–2 mrad). */
const WITHIN_DEADBAND = { headMm: 1.5, handMm: 4.5, rad: 0.006 };

function expectClose(a: AvatarPose | undefined, b: AvatarPose, tol = EXACT): void {
  expect(a).toBeDefined();
  const near = (x: Pose | null, y: Pose | null, mm: number) => {
    expect(x === null).toBe(y === null);
    if (!x || !y) return;
    for (let k = 0; k < 3; k++) expect(Math.abs(x.p[k]! - y.p[k]!)).toBeLessThanOrEqual(mm / 1000 + 1e-9);
    expect(quatAngle(x.q, y.q)).toBeLessThan(tol.rad);
  };
  near(a!.head, b.head, tol.headMm);
  near(a!.left, b.left, tol.handMm);
  near(a!.right, b.right, tol.handMm);
}

describe("presence codec", () => {
  it("relays a moving avatar within 0.5 mm (head) and 1.5 mm (hands)", () => {
    const enc = new PresenceEncoder();
    const dec = new PresenceDecoder();
    for (let i = 0; i < 400; i++) {
      const pose = simulatedMotion(i / 20, 1);
      enc.set(7, pose);
      const frame = enc.encodeDelta();
      expect(frame).not.toBeNull();
      expect(dec.apply(frame!)).toEqual([7]);
      expectClose(dec.get(7), pose);
    }
  });

  it("keeps a walking, gesturing VR avatar under 300 bytes per second including WebSocket framing", () => {
    const enc = new PresenceEncoder();
    let bytes = 0;
    for (let i = 0; i < 20 * 30; i++) {
      enc.set(1, simulatedMotion(i / 20));
      const f = enc.encodeDelta();
      if (f) bytes += f.length + 4; // ws header 2 + Colyseus code 1 + message type 1
    }
    expect(bytes / 30).toBeLessThanOrEqual(300);
  });

  it("sends nothing for an avatar that does not move, or only jitters by a millimetre", () => {
    const enc = new PresenceEncoder();
    const still = simulatedMotion(0);
    enc.set(2, still);
    expect(enc.encodeDelta()).not.toBeNull();
    for (let i = 0; i < 20; i++) {
      const jitter = cloneAvatarPose(still);
      jitter.head.p[0] += (i % 2) * 0.0009;
      enc.set(2, jitter);
      expect(enc.encodeDelta()).toBeNull();
    }
  });

  it("brings a late joiner in sync with a keyframe, then deltas", () => {
    const enc = new PresenceEncoder();
    const early = new PresenceDecoder();
    for (let i = 0; i < 50; i++) {
      enc.set(1, simulatedMotion(i / 20, 0));
      enc.set(2, simulatedMotion(i / 20, 2));
      early.apply(enc.encodeDelta()!);
    }
    const late = new PresenceDecoder();
    late.apply(enc.encodeKeyframe());
    for (let i = 50; i < 120; i++) {
      enc.set(1, simulatedMotion(i / 20, 0));
      if (i % 3) enc.set(2, simulatedMotion(i / 20, 2));
      const f = enc.encodeDelta()!;
      early.apply(f);
      late.apply(f);
      expect(late.get(1)).toEqual(early.get(1));
      expect(late.get(2)).toEqual(early.get(2));
    }
  });

  it("seeded fuzz: many avatars, hands appearing and vanishing, teleports and slot reuse stay in sync", () => {
    for (const seed of [1, 2, 3, 42, 20261123]) {
      const rng = seededRandom(seed);
      const enc = new PresenceEncoder();
      const decoders = [new PresenceDecoder()];
      const truth = new Map<number, AvatarPose>();
      for (let tick = 0; tick < 300; tick++) {
        for (let slot = 0; slot < 12; slot++) {
          const roll = rng();
          if (roll < 0.02) {
            enc.remove(slot);
            truth.delete(slot);
            continue;
          }
          if (roll < 0.6) continue;
          const pose = simulatedMotion(tick / 20 + rng() * 0.01, slot);
          if (rng() < 0.05) pose.head.p = [rng() * 20 - 10, 1.6, rng() * 20 - 10]; // teleport
          if (rng() < 0.1) pose.left = null;
          if (rng() < 0.1) pose.right = null;
          enc.set(slot, pose);
          truth.set(slot, pose);
        }
        if (rng() < 0.03) {
          const late = new PresenceDecoder();
          late.apply(enc.encodeKeyframe());
          decoders.push(late);
        }
        const f = enc.encodeDelta();
        if (f) for (const d of decoders) d.apply(f);
        for (const [slot, pose] of truth) {
          expectClose(decoders[0]!.get(slot), pose, WITHIN_DEADBAND);
          for (const d of decoders) expect(d.get(slot)).toEqual(decoders[0]!.get(slot));
        }
      }
    }
  }, 180_000); // thousands of frames: ~1 s alone, over a minute on a saturated 2-core machine

  it("carries more than 126 avatars in one frame (a full auditorium's keyframe): each one arrives, none more", () => {
    for (const n of [126, 127, 300]) {
      const enc = new PresenceEncoder();
      for (let s = 0; s < n; s++) enc.set(s, simulatedMotion(0, s, [s % 20, Math.floor(s / 20)]));
      enc.encodeDelta();
      const d = new PresenceDecoder();
      expect(d.apply(enc.encodeKeyframe())).toHaveLength(n);
      for (let s = 0; s < n; s++) expectClose(d.get(s), simulatedMotion(0, s, [s % 20, Math.floor(s / 20)]), WITHIN_DEADBAND);
    }
  });

  it("rejects a truncated frame with a RangeError instead of producing garbage", () => {
    const enc = new PresenceEncoder();
    enc.set(1, simulatedMotion(0));
    const f = enc.encodeDelta()!;
    expect(() => new PresenceDecoder().apply(f.subarray(0, 3))).toThrow(RangeError);
  });
});
