import { seededRandom } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { PresenceDecoder } from "./codec.js";
import { Tier, interestTier } from "./interest.js";
import { seatedMotion, simulatedMotion } from "./motion.js";
import { BEHIND_EVERY, FAR_EVERY, PresenceStreams, onPhase, partOf } from "./presence-streams.js";
import { quatAngle } from "./quantise.js";
import type { AvatarPose, Quat } from "./types.js";

const TICK_MS = 50;
const yaw = (a: number): Quat => [0, Math.sin(a / 2), 0, Math.cos(a / 2)];
/** Someone standing at (x, z) looking along yaw `a` (0: towards −z). */
const standing = (x: number, z: number, a = 0): AvatarPose => ({ head: { p: [x, 1.6, z], q: yaw(a) }, left: null, right: null });

describe("interest tiers", () => {
  it("is near when close whatever the direction, near in view up to 6 m, far behind or beyond", () => {
    const me = standing(0, 0);
    expect(interestTier(me, standing(0, 2), undefined)).toBe(Tier.near); // close behind
    expect(interestTier(me, standing(0, -5), undefined)).toBe(Tier.near); // ahead
    expect(interestTier(me, standing(0, 5), undefined)).toBe(Tier.far); // behind
    expect(interestTier(me, standing(0, -9), undefined)).toBe(Tier.far); // ahead, far
    expect(interestTier(standing(0, 0, Math.PI), standing(0, 5), undefined)).toBe(Tier.near); // turned round
    // on the line: stays where it was
    expect(interestTier(me, standing(0, -6.5), Tier.near)).toBe(Tier.near);
    expect(interestTier(me, standing(0, -6.5), Tier.far)).toBe(Tier.far);
  });
});

describe("presence streams", () => {
  it("sends a near avatar every tick and a far one every fourth, and both arrive within 250 ms", () => {
    const streams = new PresenceStreams<string>();
    const walker = (t: number) => simulatedMotion(t, 0, [0, -4]); // walks a 3 m circle around (0, −4)
    streams.set(0, walker(0), 0);
    streams.set(1, standing(0, 0), 0); // looks at the walker, 2.5–5.5 m away
    streams.set(2, standing(9, 9), 0); // across the room, looking away
    const near = new PresenceDecoder();
    const far = new PresenceDecoder();
    near.apply(streams.addViewer("near", 1));
    far.apply(streams.addViewer("far", 2));
    const seenAt: Record<string, number[]> = { near: [], far: [] };
    for (let k = 1; k <= 200; k++) {
      streams.set(0, walker(k / 20), k * TICK_MS);
      for (const [who, frame] of streams.tick()) {
        const d = who === "near" ? near : far;
        if (d.apply(frame).includes(0)) seenAt[who]!.push(k);
      }
    }
    expect(seenAt.near!.length).toBeGreaterThanOrEqual(195);
    expect(seenAt.far!.length).toBeLessThanOrEqual(200 / FAR_EVERY);
    expect(seenAt.far!.length).toBeGreaterThanOrEqual(200 / FAR_EVERY - 1);
    const gaps = (ks: number[]) => Math.max(...ks.slice(1).map((k, i) => (k - ks[i]!) * TICK_MS));
    expect(gaps(seenAt.near!)).toBeLessThanOrEqual(TICK_MS * 2);
    expect(gaps(seenAt.far!)).toBeLessThanOrEqual(250);
  });

  it("spreads far avatars over the ticks: each every fourth tick, about a quarter of them in every frame", () => {
    const streams = new PresenceStreams<string>();
    const walker = (s: number, t: number) => simulatedMotion(t, s, [((s % 10) - 5) * 2, 10 + Math.floor(s / 10) * 2]); // 40 walkers behind, 8–18 m away
    for (let s = 1; s <= 40; s++) streams.set(s, walker(s, 0), 0);
    streams.set(0, standing(0, 0), 0);
    const d = new PresenceDecoder();
    d.apply(streams.addViewer("me", 0));
    const seenAt = new Map<number, number[]>();
    const perFrame: number[] = [];
    for (let k = 1; k <= 80; k++) {
      for (let s = 1; s <= 40; s++) streams.set(s, walker(s, k / 20), k * TICK_MS);
      const frame = streams.tick().get("me");
      const slots = frame ? d.apply(frame).filter((s) => s !== 0) : [];
      if (k > 8) perFrame.push(slots.length); // after every reference has gone out
      for (const s of slots) seenAt.set(s, [...(seenAt.get(s) ?? []), k]);
    }
    // no tick carries the whole room: every frame holds 8–12 of the 40, never 40 on one tick and none on the next three
    expect(Math.min(...perFrame)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...perFrame)).toBeLessThanOrEqual(12);
    for (let s = 1; s <= 40; s++) {
      const ks = seenAt.get(s)!.filter((k) => k > 8);
      expect(ks.slice(1).map((k, i) => k - ks[i]!), `slot ${s}`).toEqual(ks.slice(1).map(() => FAR_EVERY));
    }
  });

  it("sends a low-bandwidth viewer an avatar in view only every fourth tick, one within arm's reach every tick", () => {
    const streams = new PresenceStreams<string>();
    const walkerAhead = (t: number) => simulatedMotion(t, 0, [0, -5]); // 3.5–6.5 m ahead: near for a normal viewer
    streams.set(0, walkerAhead(0), 0);
    streams.set(1, standing(0, 0), 0);
    streams.set(2, standing(0.5, 0), 0);
    const decoders = { normal: new PresenceDecoder(), low: new PresenceDecoder() };
    decoders.normal.apply(streams.addViewer("normal", 1));
    decoders.low.apply(streams.addViewer("low", 2, true));
    const seen = { normal: { ahead: 0, beside: 0 }, low: { ahead: 0, beside: 0 } };
    for (let k = 1; k <= 200; k++) {
      const t = k / 20;
      streams.set(0, walkerAhead(t), k * TICK_MS);
      streams.set(1, standing(0.02 * Math.sin(t * 4), 0), k * TICK_MS); // fidgets, half a metre from the low viewer
      for (const [who, frame] of streams.tick()) {
        const key = who as keyof typeof decoders;
        const slots = decoders[key].apply(frame);
        if (slots.includes(0)) seen[key].ahead++;
        if (key === "low" && slots.includes(1)) seen.low.beside++;
      }
    }
    expect(seen.normal.ahead).toBeGreaterThanOrEqual(195);
    expect(seen.low.ahead).toBeLessThanOrEqual(200 / FAR_EVERY);
    expect(seen.low.ahead).toBeGreaterThanOrEqual(200 / FAR_EVERY - 2);
    expect(seen.low.beside).toBeGreaterThanOrEqual(150);
    // both still hold where the walker is (within the far deadband)
    const truth = walkerAhead(10).head.p;
    expect(Math.hypot(...decoders.low.get(0)!.head.p.map((v, i) => v - truth[i]!) as [number, number, number])).toBeLessThan(0.01);
    // back to normal: every tick again after the next far tick
    streams.setLow("low", false);
    let after = 0;
    for (let k = 201; k <= 240; k++) {
      streams.set(0, walkerAhead(k / 20), k * TICK_MS);
      const frame = streams.tick().get("low");
      if (frame && decoders.low.apply(frame).includes(0)) after++;
    }
    expect(after).toBeGreaterThanOrEqual(35);
  });

  it("sends a low-bandwidth viewer an avatar behind it every sixteenth tick, and in view again every fourth once it turns round", () => {
    const streams = new PresenceStreams<string>();
    const walkerBehind = (t: number) => simulatedMotion(t, 0, [0, 8]); // 6.5–9.5 m behind the viewers
    streams.set(0, walkerBehind(0), 0);
    streams.set(1, standing(0, 0), 0);
    streams.set(2, standing(0.5, 0), 0);
    const decoders = { normal: new PresenceDecoder(), low: new PresenceDecoder() };
    decoders.normal.apply(streams.addViewer("normal", 1));
    decoders.low.apply(streams.addViewer("low", 2, true));
    const seen = { normal: 0, low: 0 };
    let k = 0;
    const run = (ticks: number, lowPose: AvatarPose) => {
      seen.normal = 0;
      seen.low = 0;
      for (let i = 0; i < ticks; i++) {
        k++;
        streams.set(0, walkerBehind(k / 20), k * TICK_MS);
        streams.set(2, lowPose, k * TICK_MS);
        for (const [who, frame] of streams.tick()) {
          if (decoders[who as keyof typeof decoders].apply(frame).includes(0)) seen[who as keyof typeof seen]++;
        }
      }
    };
    run(320, standing(0.5, 0));
    expect(seen.normal).toBeGreaterThanOrEqual(320 / FAR_EVERY - 1); // far for a normal viewer: 5 Hz
    expect(seen.low).toBeLessThanOrEqual(320 / BEHIND_EVERY + 1);
    expect(seen.low).toBeGreaterThanOrEqual(320 / BEHIND_EVERY - 2);
    // within the far deadband on each behind tick
    const truth = walkerBehind(k / 20).head.p;
    expect(Math.hypot(...decoders.low.get(0)!.head.p.map((v, i) => v - truth[i]!) as [number, number, number])).toBeLessThan(0.01);
    // the low viewer turns round: the walker is in view, and comes every fourth tick
    run(320, standing(0.5, 0, Math.PI));
    expect(seen.low).toBeGreaterThanOrEqual(320 / FAR_EVERY - 4);
    expect(seen.low).toBeLessThanOrEqual(320 / FAR_EVERY + 1);
  });

  it("sends a tick's frames in parts that hold each viewer once and the same bytes as one piece, balanced in size and in re-weighing", () => {
    const people = 120;
    const seat = (i: number): [number, number] => [-9.5 + (i % 20), 2 + Math.floor(i / 20) * 1.2];
    const make = () => {
      const streams = new PresenceStreams<number>();
      for (let i = 0; i < people; i++) streams.set(i, seatedMotion(0, i + 1, seat(i)), 0);
      for (let i = 0; i < people; i++) streams.addViewer(i, i, i % 10 === 0);
      return streams;
    };
    const whole = make();
    const inParts = make();
    const parts = 3;
    for (let k = 1; k <= 24; k++) {
      for (let i = 0; i < people; i++) {
        const p = seatedMotion(k / 20, i + 1, seat(i));
        whole.set(i, p, k * TICK_MS);
        inParts.set(i, p, k * TICK_MS);
      }
      const expected = whole.tick();
      inParts.encodeTick();
      const got = new Map<number, Uint8Array>();
      for (let part = 0; part < parts; part++) {
        const frames = inParts.framesOf(part, parts);
        for (const [v, frame] of frames) {
          expect(partOf(v, parts), `viewer ${v} in part ${part}`).toBe(part);
          expect(got.has(v), `viewer ${v} twice`).toBe(false);
          got.set(v, frame);
        }
      }
      expect(got.size).toBe(expected.size);
      for (const [v, frame] of expected) expect([...got.get(v)!], `tick ${k} viewer ${v}`).toEqual([...frame]);
    }
    // each part holds a third of the viewers, and a third of those re-weighing their tiers on any tick
    for (let part = 0; part < parts; part++) {
      const mine = [...Array(people).keys()].filter((v) => partOf(v, parts) === part);
      expect(mine.length).toBe(people / parts);
      for (let tick = 0; tick < FAR_EVERY; tick++) expect(mine.filter((v) => onPhase(tick, v, FAR_EVERY)).length).toBe(people / parts / FAR_EVERY);
    }
  });

  it("a viewer whose stream starts between a tick's parts waits for the next tick, and its view stays true", () => {
    const streams = new PresenceStreams<string>();
    const walker = (t: number) => simulatedMotion(t, 0, [0, -4]);
    streams.set(0, walker(0), 0);
    for (let s = 1; s < 8; s++) streams.set(s, standing(s - 4, 0), 0);
    const early = new PresenceDecoder();
    early.apply(streams.addViewer("early", 4));
    let late: PresenceDecoder | undefined;
    for (let k = 1; k <= 80; k++) {
      streams.set(0, walker(k / 20), k * TICK_MS);
      streams.encodeTick();
      const first = streams.framesOf(0, 2);
      if (k === 10) {
        late = new PresenceDecoder();
        late.apply(streams.addViewer("late", 5)); // slot 5 sends in part 1, after this point
      }
      const second = streams.framesOf(1, 2);
      if (k === 10) expect(second.has("late")).toBe(false); // its keyframe already holds tick 10
      for (const [who, frame] of [...first, ...second]) (who === "early" ? early : late!).apply(frame);
      for (const d of late ? [early, late] : [early]) {
        const got = d.get(0)!;
        const truth = walker(k / 20).head.p;
        expect(Math.hypot(got.head.p[0] - truth[0], got.head.p[2] - truth[2]), `tick ${k}`).toBeLessThanOrEqual(0.01);
      }
    }
  });

  it("seeded: every viewer's view of every avatar stays true while people walk, sit, turn, join and leave", () => {
    for (const seed of [1, 20261203]) {
      const rng = seededRandom(seed);
      const streams = new PresenceStreams<number>();
      const truth = new Map<number, AvatarPose>();
      const decoders = new Map<number, PresenceDecoder>();
      const centre = (s: number): [number, number] => [((s * 37) % 20) - 10, ((s * 53) % 24) - 12];
      const pose = (s: number, t: number) => (s % 3 === 0 ? simulatedMotion(t, s, centre(s)) : seatedMotion(t, s, centre(s)));
      for (let s = 0; s < 24; s++) truth.set(s, pose(s, 0));
      for (const [s, p] of truth) streams.set(s, p, 0);
      for (let s = 0; s < 24; s += 2) {
        const d = new PresenceDecoder();
        d.apply(streams.addViewer(s, s, s % 4 === 0)); // a quarter of the viewers on low bandwidth
        decoders.set(s, d);
      }
      for (let k = 1; k <= 200; k++) {
        const t = k / 20;
        for (const s of [...truth.keys()]) {
          if (rng() < 0.004 && !decoders.has(s)) {
            streams.remove(s);
            truth.delete(s);
            for (const d of decoders.values()) d.remove(s);
            continue;
          }
          const p = pose(s, t);
          truth.set(s, p);
          streams.set(s, p, k * TICK_MS);
        }
        if (rng() < 0.02) {
          const s = 24 + k; // a newcomer
          truth.set(s, pose(s, t));
          streams.set(s, truth.get(s)!, k * TICK_MS);
        }
        if (rng() < 0.02) streams.setLow(2 * Math.floor(rng() * 12), rng() < 0.5); // someone changes mode
        for (const [v, frame] of streams.tick()) decoders.get(v)!.apply(frame);
        // on a slot's behind turn every tier has just sent it: every viewer holds it within the far tolerance
        for (const [v, d] of decoders) {
          for (const [s, p] of truth) {
            if (!onPhase(k, s, BEHIND_EVERY)) continue;
            const got = d.get(s);
            expect(got, `seed ${seed} viewer ${v} slot ${s} tick ${k}`).toBeDefined();
            const e = Math.hypot(got!.head.p[0] - p.head.p[0], got!.head.p[1] - p.head.p[1], got!.head.p[2] - p.head.p[2]);
            expect(e).toBeLessThanOrEqual(0.0085); // far deadband 6 mm + filter 2 mm + quantisation
            expect(quatAngle(got!.head.q, p.head.q)).toBeLessThanOrEqual(0.017); // 6 mrad a component (10.4 mrad) + filter 5 mrad + quantisation
            const hand = got!.right && p.right ? Math.hypot(got!.right.p[0] - p.right.p[0], got!.right.p[1] - p.right.p[1], got!.right.p[2] - p.right.p[2]) : 0;
            expect(hand).toBeLessThanOrEqual(0.02); // far deadband 12 mm + filter 5 mm + quantisation 2 mm
          }
        }
      }
    }
  }, 120_000);
});
