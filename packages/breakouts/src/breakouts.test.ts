import { seededRandom } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { BREAKOUT_WARNING_MS, BreakoutWatcher, endEarly, groupOf, leaveOut, movePerson, phaseAt, splitByList, splitRandom, startBreakout, type BreakoutPerson } from "./index.js";

const people = (n: number): BreakoutPerson[] => Array.from({ length: n }, (_, i) => ({ personId: `p${i}`, name: `Person ${i}` }));

describe("a breakout plan", () => {
  it("splits people at random into groups whose sizes differ by one at most, the same for the same seed", () => {
    const a = splitRandom(people(30), 6, seededRandom(7));
    expect(a.groups.map((g) => g.length)).toEqual([5, 5, 5, 5, 5, 5]);
    expect(a.groups.flat().sort()).toEqual(people(30).map((p) => p.personId).sort());
    expect(splitRandom(people(30), 6, seededRandom(7))).toEqual(a);
    expect(splitRandom(people(30), 6, seededRandom(8)).groups).not.toEqual(a.groups);
    expect(splitRandom(people(7), 3, seededRandom(1)).groups.map((g) => g.length).sort()).toEqual([2, 2, 3]);
    expect(a.names.p3).toBe("Person 3");
  });

  it("splits by a prepared list of names and puts people not on it into the smallest groups", () => {
    const ps = [...people(3), { personId: "ada", name: "Ada" }, { personId: "ben", name: "Ben" }];
    const plan = splitByList(ps, [[" ada ", "Person 0"], ["BEN"]]);
    expect(plan.groups[0]!.slice(0, 2)).toEqual(["p0", "ada"]);
    expect(plan.groups[1]![0]).toBe("ben");
    expect(plan.groups.flat().sort()).toEqual(["ada", "ben", "p0", "p1", "p2"]);
    expect(plan.groups.map((g) => g.length).sort()).toEqual([2, 3]);
  });

  it("moves one person by hand, out of their old group, and leaves one out", () => {
    const plan = splitRandom(people(4), 2, seededRandom(3));
    const from = groupOf(plan, "p0");
    const moved = movePerson(plan, { personId: "p0", name: "Person 0" }, 1 - from);
    expect(groupOf(moved, "p0")).toBe(1 - from);
    expect(moved.groups.flat().filter((id) => id === "p0")).toHaveLength(1);
    expect(movePerson(plan, { personId: "p0", name: "x" }, 5)).toBe(plan);
    const late = movePerson(plan, { personId: "late", name: "Late" }, 0);
    expect(late.names.late).toBe("Late");
    expect(groupOf(leaveOut(late, "late"), "late")).toBe(-1);
  });
});

describe("a running breakout", () => {
  it("warns 30 s before its end, then brings people back, each once whatever the tick rate", () => {
    const run = startBreakout(1_000, 120);
    expect(run.endsAt).toBe(121_000);
    const w = new BreakoutWatcher();
    w.set(run);
    expect(w.tick(1_000)).toEqual([]);
    expect(phaseAt(run, 90_999)).toBe("running");
    expect(w.tick(run.endsAt - BREAKOUT_WARNING_MS)).toEqual(["warning"]);
    expect(w.tick(run.endsAt - 1)).toEqual([]);
    expect(w.tick(run.endsAt)).toEqual(["return"]);
    expect(w.tick(run.endsAt + 5_000)).toEqual([]);
  });

  it("fires the warning and the return together when a tick jumps past both (a room that slept)", () => {
    const w = new BreakoutWatcher();
    w.set(startBreakout(0, 60));
    expect(w.tick(10 * 60_000)).toEqual(["warning", "return"]);
  });

  it("ends early with a fresh 30 s warning, never later than planned", () => {
    const run = startBreakout(0, 600);
    const w = new BreakoutWatcher();
    w.set(run);
    const early = endEarly(run, 60_000);
    expect(early.endsAt).toBe(90_000);
    w.set(early);
    expect(w.tick(60_000)).toEqual(["warning"]);
    expect(w.tick(90_000)).toEqual(["return"]);
    const nearly = startBreakout(0, 40);
    expect(endEarly(nearly, 20_000).endsAt).toBe(40_000);
  });

  it("a cleared breakout fires nothing", () => {
    const w = new BreakoutWatcher();
    w.set(startBreakout(0, 60));
    w.set(null);
    expect(w.tick(120_000)).toEqual([]);
  });
});

describe("gathering", () => {
  const room = { minX: -10, maxX: 10, minZ: -10, maxZ: 10 };
  it("puts people in a ring around the facilitator, each facing them, never two on one spot", async () => {
    const { aroundPoint, GATHER_RING } = await import("./gather.js");
    const spots = aroundPoint(2, 3, 12, room);
    expect(spots).toHaveLength(12);
    for (const s of spots) {
      expect(Math.hypot(s.x - 2, s.z - 3)).toBeGreaterThanOrEqual(GATHER_RING - 1e-9);
      // looking along the yaw (0 = −z) points at the facilitator
      const [lx, lz] = [-Math.sin(s.yaw), -Math.cos(s.yaw)];
      const [dx, dz] = [(2 - s.x) / Math.hypot(2 - s.x, 3 - s.z), (3 - s.z) / Math.hypot(2 - s.x, 3 - s.z)];
      expect(lx * dx + lz * dz).toBeGreaterThan(0.999);
    }
    const keys = new Set(spots.map((s) => `${s.x.toFixed(2)},${s.z.toFixed(2)}`));
    expect(keys.size).toBe(12);
  });

  it("lines people up in front of a screen facing it, inside the walkable area, and seats them in order", async () => {
    const { inFrontOf, onSeats } = await import("./gather.js");
    const front = inFrontOf({ position: [0, 1.7, -9.9], yawDeg: 0 }, 8, room);
    expect(front.every((s) => s.z > -9.9 && s.yaw === 0)).toBe(true);
    expect(new Set(front.map((s) => `${s.x},${s.z}`)).size).toBe(8);
    const wall = inFrontOf({ position: [9.9, 1.7, 0], yawDeg: -90 }, 3, room);
    expect(wall.every((s) => s.x < 9.9 && s.x <= room.maxX - 0.3)).toBe(true);
    const seats = [{ position: [1, 0, 1], yawDeg: 0 }, { position: [2, 0, 1], yawDeg: 0 }];
    expect(onSeats(seats, 3, room)).toEqual([{ x: 1, z: 1, yaw: 0 }, { x: 2, z: 1, yaw: 0 }, { x: 1, z: 1.8, yaw: 0 }]);
  });
});
