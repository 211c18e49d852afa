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
