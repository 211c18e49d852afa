import { describe, expect, it } from "vitest";
import { voiceRulesFor } from "./hearing.js";
import { DEFAULT_SELECTION, LOW_BANDWIDTH_SELECTION, selectSubscriptions, type Candidate } from "./selection.js";

const rules = voiceRulesFor({ zones: [{ id: "booth", name: "Booth", minX: 20, maxX: 25, minZ: 0, maxZ: 5 }] });
const me = { id: "me", head: [0, 1.6, 0] as const };

/** A seeded line-up: 150 people on a grid 1–30 m away, every 7th one talking. */
function crowd(n = 150): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (i * 2.399963) % (2 * Math.PI); // golden angle: spread without randomness
    const r = 1 + (i % 30);
    out.push({ id: `p${String(i).padStart(3, "0")}`, head: [Math.cos(angle) * r, 1.6, Math.sin(angle) * r], presenter: false, muted: false, level: i % 7 === 0 ? 0.2 : 0 });
  }
  return out;
}

describe("subscription selection", () => {
  it("caps a 150-person room at the cap, plus the presenter", () => {
    const people = crowd();
    people[149] = { ...people[149]!, presenter: true, head: [0, 1.6, 28] };
    const chosen = selectSubscriptions(me, people, rules, new Set());
    expect(chosen).toHaveLength(DEFAULT_SELECTION.cap + 1);
    expect(chosen[0]).toBe("p149");
  });

  it("gives a low-bandwidth listener the presenter and the 2 nearest talkers only", () => {
    const people = crowd();
    people[149] = { ...people[149]!, presenter: true, head: [0, 1.6, 28] };
    const chosen = selectSubscriptions(me, people, rules, new Set(), LOW_BANDWIDTH_SELECTION);
    expect(chosen).toHaveLength(3);
    expect(chosen[0]).toBe("p149");
    const talkersByDistance = people
      .filter((p) => p.level > 0 && !p.presenter)
      .sort((a, b) => Math.hypot(a.head[0], a.head[2]) - Math.hypot(b.head[0], b.head[2]))
      .map((p) => p.id);
    expect(chosen.slice(1).sort()).toEqual(talkersByDistance.slice(0, 2).sort());
  });

  it("prefers people talking nearby over silent neighbours and distant talkers", () => {
    const people: Candidate[] = [
      { id: "near-silent", head: [1, 1.6, 0], presenter: false, muted: false, level: 0 },
      { id: "near-talking", head: [2, 1.6, 0], presenter: false, muted: false, level: 0.1 },
      { id: "far-talking", head: [14, 1.6, 0], presenter: false, muted: false, level: 0.3 },
    ];
    const chosen = selectSubscriptions(me, people, rules, new Set(), { ...DEFAULT_SELECTION, cap: 2 });
    expect(chosen).toEqual(["near-talking", "near-silent"]);
  });

  it("changes as people move and start talking", () => {
    const people = crowd(40);
    const before = selectSubscriptions(me, people, rules, new Set());
    const newcomer = people.find((p) => !before.includes(p.id))!;
    const moved = people.map((p) => (p.id === newcomer.id ? { ...p, head: [0.5, 1.6, 0.5] as const, level: 0.3 } : p));
    const after = selectSubscriptions(me, moved, rules, new Set(before));
    expect(after).toContain(newcomer.id);
    expect(after).toHaveLength(DEFAULT_SELECTION.cap);
  });

  it("keeps a current subscription over a marginally better newcomer (no flapping)", () => {
    const a: Candidate = { id: "a", head: [3, 1.6, 0], presenter: false, muted: false, level: 0.1 };
    const b: Candidate = { id: "b", head: [2.9, 1.6, 0], presenter: false, muted: false, level: 0.1 };
    const opts = { ...DEFAULT_SELECTION, cap: 1 };
    expect(selectSubscriptions(me, [a, b], rules, new Set(["a"]), opts)).toEqual(["a"]);
    expect(selectSubscriptions(me, [a, b], rules, new Set(), opts)).toEqual(["b"]);
  });

  it("never picks muted people, other zones or the listener", () => {
    const people: Candidate[] = [
      { id: "me", head: [0, 1.6, 0], presenter: false, muted: false, level: 0.5 },
      { id: "muted", head: [1, 1.6, 0], presenter: true, muted: true, level: 0 },
      { id: "booth", head: [22, 1.6, 2], presenter: false, muted: false, level: 0.5 },
      { id: "ok", head: [4, 1.6, 0], presenter: false, muted: false, level: 0 },
    ];
    expect(selectSubscriptions(me, people, rules, new Set())).toEqual(["ok"]);
  });
});
