import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ChatMessage, ChatServerMessage, type ChatEntry } from "@otc/contract";
import { afterEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";

/** What one client's chat shows: history, then posts, minus deletions. */
function watchChat(c: TestClient) {
  const shown = new Map<number, ChatEntry>();
  c.room.onMessage(ChatServerMessage.history, (m: { messages: ChatEntry[] }) => m.messages.forEach((e) => shown.set(e.id, e)));
  c.room.onMessage(ChatServerMessage.posted, (e: ChatEntry) => shown.set(e.id, e));
  c.room.onMessage(ChatServerMessage.deleted, ({ id }: { id: number }) => shown.delete(id));
  c.room.send(ChatMessage.chatSync, {});
  return () => [...shown.values()].map((e) => e.text);
}

async function joinWatching(h: TestServer, name: string, kind: "facilitator" | "participant" = "participant", personKey = newPersonKey()) {
  const c = await h.join(name, {}, { kind, personKey });
  return { c, texts: watchChat(c) };
}

let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("chat", () => {
  it("delivers room chat to everyone, a private message to facilitators and its sender only, as clean text", async () => {
    h = await startTestServer();
    const fac = await joinWatching(h, "Fatou", "facilitator");
    const ann = await joinWatching(h, "Ann");
    const bob = await joinWatching(h, "Bob");
    ann.c.room.send(ChatMessage.chatSend, { text: " hello\u0000\u0007 <b>all</b> ", to: "everyone" });
    ann.c.room.send(ChatMessage.chatSend, { text: "just for the facilitator", to: "facilitators" });
    await eventually(() => fac.texts().length === 2 && ann.texts().length === 2 && bob.texts().length === 1);
    expect(bob.texts()).toEqual(["hello <b>all</b>"]);
    expect(fac.texts()).toEqual(["hello <b>all</b>", "just for the facilitator"]);
  });

  it("a facilitator's deletion reaches everyone; a participant's is refused", async () => {
    h = await startTestServer();
    const fac = await joinWatching(h, "Fatou", "facilitator");
    const ann = await joinWatching(h, "Ann");
    const bob = await joinWatching(h, "Bob");
    bob.c.room.send(ChatMessage.chatSend, { text: "oops", to: "everyone" });
    bob.c.room.send(ChatMessage.chatSend, { text: "fine", to: "everyone" });
    await eventually(() => fac.texts().length === 2 && ann.texts().length === 2 && bob.texts().length === 2);
    ann.c.room.send(ChatMessage.chatDelete, { id: 1 });
    await eventually(() => ann.c.notices.some((n) => n.code === "not-allowed"));
    await sleep(50);
    expect(bob.texts()).toEqual(["oops", "fine"]);
    fac.c.room.send(ChatMessage.chatDelete, { id: 1 });
    await eventually(() => [fac, ann, bob].every((p) => p.texts().join() === "fine"));
    const late = await joinWatching(h, "Late");
    await eventually(() => late.texts().join() === "fine");
  });

  it("a facilitator switches a person's chat off (refused for a participant); their messages are then refused", async () => {
    h = await startTestServer();
    const fac = await joinWatching(h, "Fatou", "facilitator");
    const ann = await joinWatching(h, "Ann");
    const bob = await joinWatching(h, "Bob");
    bob.c.room.send(ChatMessage.chatMute, { target: ann.c.room.sessionId, off: true });
    await eventually(() => bob.c.notices.some((n) => n.code === "not-allowed"));
    expect(fac.c.room.state.moderation.chatOff.size).toBe(0);
    fac.c.room.send(ChatMessage.chatMute, { target: ann.c.room.sessionId, off: true });
    await eventually(() => ann.c.room.state.moderation.chatOff.get(ann.c.room.sessionId) === true);
    ann.c.room.send(ChatMessage.chatSend, { text: "can anyone hear me", to: "everyone" });
    await eventually(() => ann.c.notices.some((n) => n.code === "not-allowed" && /chat off/.test(String(n.params?.["detail"]))));
    await sleep(50);
    expect(fac.texts()).toEqual([]);
  });

  it("keeps the chat across a server restart: a late joiner gets the messages, not the deleted ones, and ids go on", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "otc-chat-restart-"));
    try {
      const first = await startTestServer({ dataDir });
      const fac = await joinWatching(first, "Fatou", "facilitator");
      for (const text of ["one", "two", "three"]) fac.c.room.send(ChatMessage.chatSend, { text, to: "everyone" });
      await eventually(() => fac.texts().length === 3);
      fac.c.room.send(ChatMessage.chatDelete, { id: 2 });
      await eventually(() => fac.texts().length === 2);
      await first.close();

      h = await startTestServer({ dataDir });
      const ann = await joinWatching(h, "Ann");
      await eventually(() => ann.texts().join() === "one,three");
      ann.c.room.send(ChatMessage.chatSend, { text: "four", to: "everyone" });
      await eventually(() => ann.texts().join() === "one,three,four");
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
