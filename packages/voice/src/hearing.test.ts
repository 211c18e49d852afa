import { describe, expect, it } from "vitest";
import { hearing, isPresenting, voiceRulesFor } from "./hearing.js";
import { zoneAt } from "./zones.js";

const rules = voiceRulesFor({
  stage: { minX: -2, maxX: 2, minZ: -5, maxZ: -4 },
  zones: [
    { id: "booth", name: "Booth", minX: 4, maxX: 6, minZ: 2, maxZ: 4 },
    { id: "corner", name: "Breakout corner", minX: -6, maxX: -4, minZ: 2, maxZ: 4 },
  ],
});
const at = (x: number, z: number) => [x, 1.6, z] as const;
const speaker = (id: string, x: number, z: number, presenter = false) => ({ id, head: at(x, z), presenter });

describe("zones", () => {
  it("names the zone a head stands in, or null for the open room", () => {
    expect(zoneAt(5, 3, rules.zones)).toBe("booth");
    expect(zoneAt(-5, 2.5, rules.zones)).toBe("corner");
    expect(zoneAt(0, 0, rules.zones)).toBeNull();
  });

  it("lets only people inside the same zone hear each other", () => {
    expect(hearing(at(5, 3), speaker("b", 5.5, 3.5), rules).audible).toBe(true);
    expect(hearing(at(5, 3), speaker("o", 3, 3), rules)).toEqual({ audible: false, reason: "other-zone" });
    expect(hearing(at(3, 3), speaker("b", 5, 3), rules).audible).toBe(false);
    expect(hearing(at(-5, 3), speaker("b", 5, 3), rules).audible).toBe(false);
  });
});

describe("the stage and presenters", () => {
  it("makes whoever stands on the stage a presenter, heard everywhere at full level", () => {
    const onStage = speaker("p", 0, -4.5);
    expect(isPresenting(onStage, rules)).toBe(true);
    const inBooth = hearing(at(5, 3), onStage, rules);
    expect(inBooth).toMatchObject({ audible: true, gain: 1, attenuate: false, reason: "presenter" });
  });

  it("treats a facilitator-made presenter the same, anywhere in the room", () => {
    expect(hearing(at(6, 5), speaker("p", -6, 5, true), rules)).toMatchObject({ audible: true, gain: 1, spatial: true });
  });

  it("plays presenters flat in an auditorium", () => {
    const hall = { ...rules, stageFlat: true };
    expect(hearing(at(0, 5), speaker("p", 0, -4.5), hall)).toMatchObject({ spatial: false, gain: 1 });
  });
});

describe("spatial on and off", () => {
  it("attenuates with distance when spatial", () => {
    const near = hearing(at(0, 0), speaker("n", 0, 2), rules);
    const far = hearing(at(0, 0), speaker("f", 0, -3.9 + 0.5), rules);
    expect(near).toMatchObject({ audible: true, spatial: true, attenuate: true });
    if (near.audible && far.audible) expect(far.gain).toBeLessThan(near.gain);
  });

  it("plays everyone flat at full level when the room or the listener turns spatial audio off", () => {
    expect(hearing(at(0, 0), speaker("f", 6, -3), { ...rules, spatial: false })).toMatchObject({ spatial: false, gain: 1 });
    expect(hearing(at(0, 0), speaker("f", 6, -3), rules, false)).toMatchObject({ spatial: false, gain: 1 });
  });
});
