import { OnboardingMessage, OnboardingServerMessage, type OnboardingRecord } from "@otc/contract";
import { describe, expect, it } from "vitest";
import type { TrainingRoom } from "../connection/join-room.js";
import { ONBOARDED_KEY, OnboardingClient } from "./onboarding-client.js";

/** A room that records what the client sends and lets the test play the server's messages. */
function fakeRoom() {
  const handlers = new Map<string, (m: unknown) => void>();
  const sent: Array<[string, unknown]> = [];
  const room = {
    onMessage: (type: string, cb: (m: unknown) => void) => {
      handlers.set(type, cb);
      return () => handlers.delete(type);
    },
    send: (type: string, payload: unknown) => void sent.push([type, payload]),
  };
  return { room: room as unknown as TrainingRoom, sent, serve: (type: string, m: unknown) => handlers.get(type)?.(m) };
}

function memoryStorage(): Pick<Storage, "getItem" | "setItem"> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

const places = () => ({ spot: { x: 0, z: -3, radius: 0.6 }, boardId: null, screenId: null });
const record = (completedAt: number | null): OnboardingRecord => ({ personId: "p", name: "Ann", device: "desktop", step: completedAt ? null : "look", index: completedAt ? 9 : 1, count: 9, skipped: [], stepSince: 0, completedAt });

function join(storage = memoryStorage(), learner = true) {
  const r = fakeRoom();
  let now = 0;
  const client = new OnboardingClient(r.room, places, () => "desktop", storage, () => learner, undefined, () => now);
  return { ...r, client, storage, tick: (ms: number) => void (now += ms) };
}

describe("when the onboarding starts by itself", () => {
  it("starts for a participant the server has no finish for, and asks the server first", () => {
    const ann = join();
    expect(ann.sent[0]?.[0]).toBe(OnboardingMessage.onboardingSync);
    expect(ann.client.ui.getState().run).toBeNull(); // nothing before the server answers
    ann.serve(OnboardingServerMessage.mine, { record: null });
    expect(ann.client.ui.getState().run?.step).toBe("comfort");
  });

  it("does not send a person who finished (on the server's record) through it again when they rejoin", () => {
    const back = join();
    back.serve(OnboardingServerMessage.mine, { record: record(3_000_000) });
    expect(back.client.ui.getState().run).toBeNull();
    expect(back.sent.filter(([t]) => t === OnboardingMessage.progress)).toEqual([]);
    back.client.replay(); // the menu's "Learn the room again" still runs it
    expect(back.client.ui.getState().run?.step).toBe("comfort");
  });

  it("does not start again in a browser that finished it, even for a new person key; a half-done run does", () => {
    const first = join();
    first.serve(OnboardingServerMessage.mine, { record: null });
    for (let i = 0; i < 9; i++) first.client.skip();
    expect(first.client.ui.getState().run?.finishedAt).not.toBeNull();
    expect(first.storage.getItem(ONBOARDED_KEY)).toBe("1");
    const again = join(first.storage);
    again.serve(OnboardingServerMessage.mine, { record: null });
    expect(again.client.ui.getState().run).toBeNull();
    const halfway = join();
    halfway.serve(OnboardingServerMessage.mine, { record: record(null) });
    expect(halfway.client.ui.getState().run?.step).toBe("comfort");
  });

  it("never starts by itself for a facilitator", () => {
    const fatou = join(memoryStorage(), false);
    fatou.serve(OnboardingServerMessage.mine, { record: null });
    expect(fatou.client.ui.getState().run).toBeNull();
  });
});

describe("what the draw step measures", () => {
  it("a stroke's path length in board pixels; a note or a one-point dot is 0", async () => {
    const { lineLength } = await import("./onboarding-sources.js");
    expect(lineLength({ k: "s", id: 1, tool: "pen", colour: "#000000", width: 4, pts: [0, 0, 300, 400, 300, 500] })).toBe(600);
    expect(lineLength({ k: "s", id: 2, tool: "pen", colour: "#000000", width: 4, pts: [10, 10] })).toBe(0);
  });
});
