import type { ChatEntry } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { ChatLog, mayRead } from "./chat-log.js";
import { cleanChatText } from "./chat-text.js";

const entry = (id: number, over: Partial<ChatEntry> = {}): ChatEntry => ({ id, at: id, fromId: "s", fromPerson: "p", name: "Ann", to: "everyone", text: `m${id}`, ...over });

describe("cleanChatText", () => {
  it("strips control and direction characters, collapses space, cuts to the limit", () => {
    expect(cleanChatText("  hi\u0000\nthere\u202e \u0007 ")).toBe("hi there");
    expect(cleanChatText("\u0001\u0002")).toBe("");
    expect(Array.from(cleanChatText("é".repeat(900))).length).toBe(500);
  });
  it("leaves markup as text (the client renders text, not HTML)", () => expect(cleanChatText("<b>x</b>")).toBe("<b>x</b>"));
});

describe("ChatLog", () => {
  it("keeps the last N, continues ids after restore, and forgets deleted messages", () => {
    const log = new ChatLog(3);
    log.restore([
      { entry: entry(2), deleted: false },
      { entry: entry(1), deleted: false },
      { entry: entry(5), deleted: true },
      { entry: entry(4), deleted: false },
      { entry: entry(3), deleted: false },
    ]);
    expect(log.nextId()).toBe(6);
    expect(log.visibleTo({ personId: "x", moderator: false }).map((e) => e.id)).toEqual([2, 3, 4]);
    log.append(entry(6));
    expect(log.delete(3)).toBe(true);
    expect(log.delete(3)).toBe(false);
    expect(log.visibleTo({ personId: "x", moderator: false }).map((e) => e.id)).toEqual([4, 6]);
  });
  it("shows a private message to facilitators and its sender only", () => {
    const priv = entry(1, { to: "facilitators", fromPerson: "ann" });
    expect(mayRead(priv, { personId: "ann", moderator: false })).toBe(true);
    expect(mayRead(priv, { personId: "ben", moderator: false })).toBe(false);
    expect(mayRead(priv, { personId: "fac", moderator: true })).toBe(true);
  });
});
