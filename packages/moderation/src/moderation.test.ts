import { describe, expect, it } from "vitest";
import { gate, staleWaiters, type GateRoom } from "./admission-gate.js";
import { HandQueue } from "./hand-queue.js";

describe("HandQueue", () => {
  it("keeps arrival order even within one millisecond, and a second raise keeps its place", () => {
    const q = new HandQueue();
    q.raise("b", 5);
    q.raise("a", 5);
    q.raise("c", 5);
    expect(q.raise("b", 9)).toBe(false);
    expect(q.order()).toEqual(["b", "a", "c"]);
    expect(q.next()).toBe("b");
    q.lower("c");
    q.raise("c", 10); // lowered then raised again: to the back
    q.raise("d", 11);
    expect(q.order()).toEqual(["a", "c", "d"]);
    expect(q.lowerAll()).toEqual(["a", "c", "d"]);
    expect(q.next()).toBeUndefined();
  });
});

describe("gate", () => {
  const room = (over: Partial<GateRoom> = {}): GateRoom => ({
    locked: false,
    capacity: 3,
    present: 0,
    blocked: new Set(),
    known: new Set(),
    admitted: new Set(),
    refused: new Set(),
    ...over,
  });
  const ann = { personId: "ann", name: "Ann", moderator: false };
  it("lets anyone in an open session with room", () => expect(gate(ann, room())).toEqual({ kind: "enter" }));
  it("keeps a removed person out, facilitator or not", () => {
    expect(gate(ann, room({ blocked: new Set(["ann"]) })).kind).toBe("removed");
    expect(gate({ ...ann, moderator: true }, room({ blocked: new Set(["ann"]) })).kind).toBe("removed");
  });
  it("refuses a participant when full, never a facilitator", () => {
    expect(gate(ann, room({ present: 3 })).kind).toBe("full");
    expect(gate({ ...ann, moderator: true }, room({ present: 3 })).kind).toBe("enter");
  });
  it("sends newcomers to a locked session to wait; people known or admitted enter; refused are told", () => {
    expect(gate(ann, room({ locked: true })).kind).toBe("wait");
    expect(gate(ann, room({ locked: true, known: new Set(["ann"]) })).kind).toBe("enter");
    expect(gate(ann, room({ locked: true, admitted: new Set(["ann"]) })).kind).toBe("enter");
    expect(gate(ann, room({ locked: true, refused: new Set(["ann"]) })).kind).toBe("refused");
  });
  it("finds waiters whose page stopped asking", () => {
    expect(staleWaiters(new Map([["a", 0], ["b", 9000]]), 10_000, 6000)).toEqual(["a"]);
  });
});
