import { describe, expect, it } from "vitest";
import { memoryStorage } from "../../test-support/memory-storage.js";
import { DOOR_ENTRY_TTL_MS, doorDestination, rememberDoorEntry, sessionOfPath, takeDoorEntry } from "./door-entry.js";

describe("door entry", () => {
  it("reads the session a door leads to", () => {
    expect(sessionOfPath("/s/welcome-day-classroom?k=abc")).toBe("welcome-day-classroom");
    expect(sessionOfPath("/console")).toBeNull();
  });

  it("keeps the page's emulation and test flags, never its invitation", () => {
    expect(doorDestination("/s/a-classroom?k=new", "?k=old&xr=emulate&testhooks=1&other=x")).toBe("/s/a-classroom?k=new&xr=emulate&testhooks=1");
    expect(doorDestination("/s/a?k=new", "")).toBe("/s/a?k=new");
  });

  it("is taken once, by the session it was left for, while fresh", () => {
    const s = memoryStorage();
    rememberDoorEntry(s, { sessionId: "a-classroom", muted: true, at: 1000 });
    expect(takeDoorEntry(s, "a-classroom", 1500)).toEqual({ sessionId: "a-classroom", muted: true, at: 1000 });
    expect(takeDoorEntry(s, "a-classroom", 1600)).toBeNull();

    rememberDoorEntry(s, { sessionId: "a-classroom", muted: false, at: 1000 });
    expect(takeDoorEntry(s, "other", 1500)).toBeNull();
    expect(s.m.size).toBe(0);

    rememberDoorEntry(s, { sessionId: "a-classroom", muted: false, at: 1000 });
    expect(takeDoorEntry(s, "a-classroom", 1000 + DOOR_ENTRY_TTL_MS + 1)).toBeNull();
  });

  it("ignores a damaged note", () => {
    const s = memoryStorage();
    s.setItem("otc.door", "{not json");
    expect(takeDoorEntry(s, "a", 0)).toBeNull();
    s.setItem("otc.door", JSON.stringify({ sessionId: "a", at: "yesterday" }));
    expect(takeDoorEntry(s, "a", 0)).toBeNull();
  });
});
