import { describe, expect, it } from "vitest";
import { createSessionStore } from "../connection/session-store.js";
import { closeVoiceWhenGone } from "./close-when-gone.js";

describe("the voice once the page is out of the session", () => {
  it("closes once when the connection is gone for good, never while connected or reconnecting", () => {
    const store = createSessionStore();
    let closes = 0;
    const stop = closeVoiceWhenGone(store, { close: () => closes++ });
    store.getState().setStatus("reconnecting");
    store.getState().setStatus("connected");
    expect(closes).toBe(0);
    store.getState().setNotice({ key: "notice.removed" });
    store.getState().setStatus("disconnected");
    expect(closes).toBe(1);
    store.getState().setNotice(null);
    expect(closes).toBe(1); // a later change closes nothing twice
    stop();
  });

  it("closes at once for a page already out, and not after the page let go of it", () => {
    const store = createSessionStore();
    store.getState().setStatus("disconnected");
    let closes = 0;
    closeVoiceWhenGone(store, { close: () => closes++ })();
    expect(closes).toBe(1);
    const later = createSessionStore();
    let laterCloses = 0;
    closeVoiceWhenGone(later, { close: () => laterCloses++ })(); // unsubscribed (the room changed)
    later.getState().setStatus("disconnected");
    expect(laterCloses).toBe(0);
  });
});
