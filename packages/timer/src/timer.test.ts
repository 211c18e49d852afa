import { describe, expect, it } from "vitest";
import { EMPTY_AGENDA, EndWatcher, agendaMinutes, formatRemaining, markCurrent, remainingMs, setAgendaItems, startTimer } from "./timer.js";

describe("countdown", () => {
  it("ends `seconds` after it starts, on the injected clock, and cleans its label", () => {
    const t = startTimer(10_000, 90, " Break\u0007  time ", "front");
    expect(t).toEqual({ startedAt: 10_000, endsAt: 100_000, label: "Break time", screenId: "front" });
    expect(remainingMs(t, 40_000)).toBe(60_000);
    expect(remainingMs(t, 200_000)).toBe(0);
  });

  it("shows m:ss rounded up, and h:mm:ss past an hour", () => {
    expect([formatRemaining(90_000), formatRemaining(59_001), formatRemaining(0), formatRemaining(3_725_000)]).toEqual(["1:30", "1:00", "0:00", "1:02:05"]);
  });

  it("chimes once when it crosses zero, again for a new timer, never for one already over", () => {
    const w = new EndWatcher();
    w.set({ endsAt: 1000 }, 0);
    expect([w.tick(500), w.tick(1000), w.tick(1500)]).toEqual([false, true, false]);
    w.set({ endsAt: 3000 }, 1500);
    expect(w.tick(3001)).toBe(true);
    const late = new EndWatcher();
    late.set({ endsAt: 1000 }, 5000);
    expect(late.tick(5000)).toBe(false);
    w.set(null, 0);
    expect(w.tick(9999)).toBe(false);
  });
});

describe("agenda", () => {
  it("keeps items with planned minutes and marks the current one", () => {
    const a = setAgendaItems(EMPTY_AGENDA, [{ title: "Welcome", minutes: 5 }, { title: " \u0000 ", minutes: 3 }, { title: "Practice", minutes: 20 }, { title: "Wrap-up", minutes: 10 }]);
    expect(a.items.map((i) => i.title)).toEqual(["Welcome", "Practice", "Wrap-up"]);
    const m = markCurrent(a, 2);
    expect(m.ok && agendaMinutes(m.agenda)).toEqual({ total: 35, beforeCurrent: 25 });
    expect(markCurrent(a, 3).ok).toBe(false);
    if (m.ok) expect(setAgendaItems(m.agenda, [{ title: "Only", minutes: 1 }]).current).toBe(-1);
  });
});
