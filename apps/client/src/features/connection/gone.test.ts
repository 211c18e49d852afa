import { describe, expect, it } from "vitest";
import { goneFor, shownWhenGone } from "./gone.js";

describe("what a page shows once its connection is gone for good", () => {
  it("is gone only when disconnected after a removal, a replaced link or the session's end", () => {
    expect(goneFor({ status: "disconnected", notice: { key: "notice.removed", reason: "Disruptive" } })).toBe("removed");
    expect(goneFor({ status: "disconnected", notice: { key: "notice.link-replaced" } })).toBe("link-replaced");
    expect(goneFor({ status: "disconnected", notice: { key: "notice.session-ended" } })).toBe("session-ended");
    // The notice arrives before the socket closes: still in the room until then.
    expect(goneFor({ status: "connected", notice: { key: "notice.removed" } })).toBeNull();
    expect(goneFor({ status: "reconnecting", notice: { key: "notice.session-ended" } })).toBeNull();
    // Reloading may bring these back: a dropped connection, leaving on purpose, a notice in plain words.
    expect(goneFor({ status: "disconnected", notice: null })).toBeNull();
    expect(goneFor({ status: "disconnected", notice: { key: "leave.left" } })).toBeNull();
    expect(goneFor({ status: "disconnected", notice: { key: "notice.rate-limited" } })).toBeNull();
    expect(goneFor({ status: "disconnected", notice: "notice.removed" })).toBeNull();
  });

  it("keeps the room's panels while in it; once gone hides them, keeping the survey and certificate only at the session's end", () => {
    expect(shownWhenGone(null)).toEqual({ room: true, survey: true });
    expect(shownWhenGone("removed")).toEqual({ room: false, survey: false });
    expect(shownWhenGone("link-replaced")).toEqual({ room: false, survey: false });
    expect(shownWhenGone("session-ended")).toEqual({ room: false, survey: true });
  });
});
