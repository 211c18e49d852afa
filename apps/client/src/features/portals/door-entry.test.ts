import { describe, expect, it } from "vitest";
import { doorDestination, invitationOfPath, sessionOfPath } from "./door-entry.js";

describe("door entry", () => {
  it("reads the session a door leads to", () => {
    expect(sessionOfPath("/s/welcome-day-classroom?k=abc")).toBe("welcome-day-classroom");
    expect(sessionOfPath("/console")).toBeNull();
  });

  it("reads the invitation to switch to, and nothing from a path that is not one", () => {
    expect(invitationOfPath("/s/welcome-day-classroom?k=abc.def")).toEqual({ sessionId: "welcome-day-classroom", link: "abc.def" });
    expect(invitationOfPath("/s/welcome-day-classroom")).toBeNull();
    expect(invitationOfPath("/console?k=abc")).toBeNull();
    expect(invitationOfPath(`/s/a?k=${"x".repeat(401)}`)).toBeNull();
  });

  it("keeps the page's emulation and test flags, never its invitation", () => {
    expect(doorDestination("/s/a-classroom?k=new", "?k=old&xr=emulate&testhooks=1&other=x")).toBe("/s/a-classroom?k=new&xr=emulate&testhooks=1");
    expect(doorDestination("/s/a?k=new", "")).toBe("/s/a?k=new");
  });
});
