import type { Client } from "@colyseus/core";
import { PresenceDecoder, partOf, seatedMotion } from "@otc/presence";
import { describe, expect, it } from "vitest";
import { PresenceRelay, VIEWERS_PER_PART } from "./presence-relay.js";

/** A transport's header (two bytes, as Colyseus' for a bytes message): every frame goes out behind it. */
const HEADER = Uint8Array.of(0x8b, 0x07);
const seat = (i: number): [number, number] => [-9.5 + (i % 20), 2 + Math.floor(i / 20) * 1.2];

/** A relay over `people` seated viewers whose deferred parts wait in `later` until a test runs them. */
function room(people: number) {
  const later: Array<() => void> = [];
  const got = new Map<string, Uint8Array[]>();
  const relay = new PresenceRelay(
    HEADER,
    (client, frame) => got.get(client.sessionId)!.push(frame),
    (run) => later.push(run),
  );
  for (let i = 0; i < people; i++) relay.set(i, seatedMotion(0, i + 1, seat(i)), 0);
  for (let i = 0; i < people; i++) {
    got.set(`c${i}`, []);
    relay.watch({ sessionId: `c${i}` } as Client, i);
  }
  const move = (k: number) => {
    for (let i = 0; i < people; i++) relay.set(i, seatedMotion(k / 20, i + 1, seat(i)), k * 50);
  };
  const runLater = () => {
    let runs = 0;
    while (later.length > 0) {
      later.shift()!();
      runs++;
    }
    return runs;
  };
  return { relay, got, later, move, runLater };
}

describe("presence relay", () => {
  it("sends a small room's tick in one piece", () => {
    const r = room(VIEWERS_PER_PART);
    r.move(1);
    expect(r.relay.tick()).toBe(VIEWERS_PER_PART);
    expect(r.later).toHaveLength(0);
  });

  it("sends a big room's tick in parts, one per later turn, each viewer one frame a tick, in order", () => {
    const people = 3 * VIEWERS_PER_PART;
    const r = room(people);
    const decoders = new Map([...r.got.keys()].map((id) => [id, new PresenceDecoder()] as const));
    const unframed = (frame: Uint8Array) => {
      expect([...frame.subarray(0, HEADER.length)]).toEqual([...HEADER]);
      return frame.subarray(HEADER.length);
    };
    for (const [id, frames] of r.got) decoders.get(id)!.apply(unframed(frames.shift()!)); // the keyframes
    for (let k = 1; k <= 12; k++) {
      r.move(k);
      expect(r.relay.tick()).toBe(0); // the encode alone
      for (let part = 0; part < 3; part++) {
        const before = [...r.got.values()].filter((f) => f.length > 0).length;
        r.later.shift()!(); // each part in a turn of its own
        const now = [...r.got.values()].filter((f) => f.length > 0).length - before;
        expect(now).toBeGreaterThan(people / 3 - 10);
        expect(now).toBeLessThan(people / 3 + 10);
      }
      expect(r.later).toHaveLength(0);
      for (const [id, frames] of r.got) {
        expect(frames, `${id} tick ${k}`).toHaveLength(1); // seated jitter: every viewer has news every tick
        decoders.get(id)!.apply(unframed(frames.shift()!)); // throws on a frame out of order
      }
    }
  });

  it("starts a tick that comes while parts are still owed after them, each in a turn of its own", () => {
    const people = 2 * VIEWERS_PER_PART;
    const r = room(people);
    for (const frames of r.got.values()) frames.length = 0;
    r.move(1);
    r.relay.tick();
    r.later.shift()!(); // tick 1's first part; its second waits (the event loop was held up)
    r.move(2);
    expect(r.relay.tick()).toBe(0); // tick 2 is due: nothing more goes out in this turn
    expect(r.relay.tickNumber).toBe(1);
    r.later.shift()!(); // tick 1's second part
    for (const [id, frames] of r.got) expect(frames, id).toHaveLength(1); // everyone has tick 1
    r.later.shift()!(); // tick 2's encode, alone
    expect(r.relay.tickNumber).toBe(2);
    for (const [id, frames] of r.got) expect(frames, id).toHaveLength(1);
    expect(r.runLater()).toBe(2); // tick 2's two parts
    for (const [id, frames] of r.got) expect(frames, id).toHaveLength(2);
    expect(r.later).toHaveLength(0);
});

  it("goes on after a send that throws: the next parts and ticks still go out", () => {
    const people = 2 * VIEWERS_PER_PART;
    const r = room(people);
    let failOnce = false;
    const relay = new PresenceRelay(
      HEADER,
      (client, frame) => {
        if (failOnce && client.sessionId === "c0") {
          failOnce = false;
          throw new Error("socket gone");
        }
        r.got.get(client.sessionId)!.push(frame);
      },
      (run) => r.later.push(run),
    );
    for (let i = 0; i < people; i++) relay.set(i, seatedMotion(0, i + 1, seat(i)), 0);
    for (let i = 0; i < people; i++) relay.watch({ sessionId: `c${i}` } as Client, i);
    for (const frames of r.got.values()) frames.length = 0;
    failOnce = true; // c0's first delta
    for (let k = 1; k <= 3; k++) {
      for (let i = 0; i < people; i++) relay.set(i, seatedMotion(k / 20, i + 1, seat(i)), k * 50);
      relay.tick();
      while (r.later.length > 0) {
        try {
          r.later.shift()!();
        } catch {
          // the room counts it (ctx.soon); the relay must not depend on it being caught
        }
      }
    }
    expect(relay.tickNumber).toBe(3);
    expect(partOf(4, 2)).toBe(1);
    expect(r.got.get("c4")).toHaveLength(3); // the part after the throw went out, every tick
    expect(partOf(1, 2)).toBe(0);
    expect(r.got.get("c1")).toHaveLength(2); // the rest of c0's part: lost on tick 1 only
  });
});
