import type { Client } from "@colyseus/core";
import type { Notice, RejectionCode } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MessageRouter } from "./message-router.js";
import { Refusals } from "./refusals.js";
import { message, type RoomFeature } from "./room-feature.js";

/** A router over `features` whose refusals land in a real ledger; the clock is a variable. */
function routerFor(features: RoomFeature[]) {
  const clock = { now: 0 };
  const refusals = new Refusals();
  const told: Array<{ to: string; notice: Notice }> = [];
  const refuse = (client: Client, reason: RejectionCode, detail?: string) => {
    const notice = refusals.refuse(client.sessionId, reason, clock.now, detail);
    if (notice) told.push({ to: client.sessionId, notice });
  };
  return { router: new MessageRouter(features, { now: () => clock.now, refuse }), refusals, told, clock };
}

const client = (id: string) => ({ sessionId: id }) as Client;
const noteSchema = z.object({ text: z.string().max(20) });

describe("MessageRouter (the room-feature seam's message path)", () => {
  it("hands a valid message to the feature that declared it, and refuses what nobody declared", () => {
    const got: string[] = [];
    const { router, refusals, told } = routerFor([{ name: "notes", messages: { note: message(noteSchema, { perSecond: 1, burst: 2 }, (_c, v) => got.push(v.text)) } }]);
    router.receive(client("a"), "note", { text: "hello" });
    router.receive(client("a"), "shout", { text: "hello" });
    expect(got).toEqual(["hello"]);
    expect(refusals.stats.dropped["invalid-message"]).toBe(1);
    expect(told[0]?.notice.params?.detail).toMatch(/unknown message type shout/);
  });

  it("refuses a malformed message with its zod path, without calling the feature", () => {
    const got: string[] = [];
    const { router, refusals, told } = routerFor([{ name: "notes", messages: { note: message(noteSchema, { perSecond: 1, burst: 2 }, (_c, v) => got.push(v.text)) } }]);
    router.receive(client("a"), "note", { text: "x".repeat(21) });
    router.receive(client("a"), "note", "not an object");
    expect(got).toEqual([]);
    expect(refusals.stats.dropped["invalid-message"]).toBe(2);
    expect(told[0]?.notice.params?.detail).toMatch(/text/);
  });

  it("limits each person and each type on its own: a burst, then the steady rate", () => {
    const got: string[] = [];
    const { router, refusals, clock } = routerFor([
      {
        name: "notes",
        messages: {
          note: message(noteSchema, { perSecond: 2, burst: 3 }, (c, v) => got.push(`${c.sessionId}:${v.text}`)),
          other: message(z.object({}), { perSecond: 1, burst: 1 }, (c) => got.push(`${c.sessionId}:other`)),
        },
      },
    ]);
    for (let i = 0; i < 5; i++) router.receive(client("a"), "note", { text: String(i) });
    router.receive(client("a"), "other", {});
    router.receive(client("b"), "note", { text: "b" });
    expect(got).toEqual(["a:0", "a:1", "a:2", "a:other", "b:b"]);
    expect(refusals.stats.dropped["rate-limited"]).toBe(2);
    clock.now = 500; // one more token at 2 per second
    router.receive(client("a"), "note", { text: "later" });
    router.receive(client("a"), "note", { text: "too soon" });
    expect(got.at(-1)).toBe("a:later");
    expect(refusals.stats.dropped["rate-limited"]).toBe(3);
  });

  it("lets a feature answer its own malformed messages (voice counts them in its stats)", () => {
    const invalid: string[] = [];
    const { router, refusals } = routerFor([
      { name: "voice", messages: { sig: message(noteSchema, { perSecond: 1, burst: 1 }, () => undefined, (_c, detail) => invalid.push(detail)) } },
    ]);
    router.receive(client("a"), "sig", {});
    expect(invalid).toHaveLength(1);
    expect(refusals.stats.dropped["invalid-message"]).toBe(0);
  });

  it("will not start a room where two features claim one message type", () => {
    const spec = message(noteSchema, { perSecond: 1, burst: 1 }, () => undefined);
    expect(() => routerFor([{ name: "a", messages: { note: spec } }, { name: "b", messages: { note: spec } }])).toThrow(/declared by two features \(the second: b\)/);
  });

  it("forgets a person's rate once their seat is gone", () => {
    const got: string[] = [];
    const { router } = routerFor([{ name: "notes", messages: { note: message(noteSchema, { perSecond: 1, burst: 1 }, (_c, v) => got.push(v.text)) } }]);
    router.receive(client("a"), "note", { text: "1" });
    router.receive(client("a"), "note", { text: "2" });
    router.forget("a");
    router.receive(client("a"), "note", { text: "3" });
    expect(got).toEqual(["1", "3"]);
  });
});
