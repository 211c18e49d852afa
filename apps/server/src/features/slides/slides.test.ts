import { ClientMessage, ServerMessage, type DeckSummary, type SlidePointerBroadcastPayload } from "@otc/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, sleep, startTestServer, type TestClient, type TestServer } from "../../test-support/harness.js";
import { personIdOf } from "../sessions/admission.js";
import { DeckStore } from "./deck-store.js";
import { PRESENTERS_COLLECTION, SCREENS_COLLECTION } from "./slides-feature.js";

let h: TestServer;
let fac: TestClient;
let pat: TestClient;
let deck: DeckSummary;
const patKey = newPersonKey();

const screen = (c: TestClient, id = "main") => c.room.state.slides?.screens.get(id);
const addDeck = (pages: number, name = "Deck") => {
  // Any bytes: the room only trusts the deck document; the routes check content (slide-routes.test.ts).
  const bytes = new Uint8Array([...`%PDF-1.7 ${name} ${pages}`].map((c) => c.charCodeAt(0)));
  return new DeckStore(h.dataDir, h.server.storage).add("demo", bytes, { name, pageCount: pages, source: "pdf" }, h.clock.now);
};

beforeEach(async () => {
  h = await startTestServer();
  fac = await h.join("Fatou", {}, { kind: "facilitator" });
  pat = await h.join("Pablo", {}, { personKey: patKey });
  deck = await addDeck(4);
  fac.room.send(ClientMessage.assign, { screenId: "main", deckId: deck.id });
  await eventually(() => screen(pat)?.deckId === deck.id);
});
afterEach(async () => h.close());

describe("slide screens in the room", () => {
  it("shows an assigned deck on page 1 to everyone, and the facilitator pages it", async () => {
    expect(screen(pat)).toMatchObject({ deckName: "Deck", page: 1, pageCount: 4 });
    fac.room.send(ClientMessage.page, { screenId: "main", to: "next" });
    fac.room.send(ClientMessage.page, { screenId: "main", to: "next" });
    await eventually(() => screen(pat)?.page === 3);
    fac.room.send(ClientMessage.page, { screenId: "main", to: 1 });
    await eventually(() => screen(pat)?.page === 1);
    fac.room.send(ClientMessage.page, { screenId: "main", to: "last" });
    await eventually(() => screen(pat)?.page === 4);
    // stored before it was shown
    const doc = await h.server.storage.getDocument<{ page: number }>("demo", SCREENS_COLLECTION, "main");
    expect(doc?.body.page).toBe(4);
  });

  it("refuses a participant's page turn with a clear notice and changes nothing", async () => {
    pat.room.send(ClientMessage.page, { screenId: "main", to: "next" });
    await eventually(() => pat.notices.some((n) => n.code === "not-presenter"));
    await sleep(100);
    expect(screen(fac)?.page).toBe(1);
    pat.room.send(ClientMessage.assign, { screenId: "main", deckId: null });
    await eventually(() => pat.notices.length === 2);
    expect(screen(fac)?.deckId).toBe(deck.id);
  });

  it("lets a participant page once granted, keeps the grant across a rejoin, and takes it back", async () => {
    fac.room.send(ClientMessage.grant, { participantId: pat.room.sessionId, presenter: true });
    await eventually(() => pat.room.state.slides.presenters.get(pat.room.sessionId) === true);
    pat.room.send(ClientMessage.page, { screenId: "main", to: "next" });
    await eventually(() => screen(fac)?.page === 2);
    expect((await h.server.storage.getDocument("demo", PRESENTERS_COLLECTION, personIdOf(patKey)))?.body).toEqual({ presenter: true });
    await pat.room.leave(true);
    pat = await h.join("Pablo", {}, { personKey: patKey });
    await eventually(() => pat.room.state.slides.presenters.get(pat.room.sessionId) === true);
    fac.room.send(ClientMessage.grant, { participantId: pat.room.sessionId, presenter: false });
    await eventually(() => !pat.room.state.slides.presenters.has(pat.room.sessionId));
    pat.room.send(ClientMessage.page, { screenId: "main", to: "next" });
    await eventually(() => pat.notices.some((n) => n.code === "not-presenter"));
    expect(screen(fac)?.page).toBe(2);
  });

  it("answers bad input with a notice: malformed, unknown screen, unknown deck, page out of range", async () => {
    fac.room.send(ClientMessage.page, { screenId: "main", to: "sideways" });
    fac.room.send(ClientMessage.page, { screenId: "../main", to: 2 });
    fac.room.send(ClientMessage.assign, { screenId: "nowhere", deckId: deck.id });
    fac.room.send(ClientMessage.assign, { screenId: "main", deckId: "0".repeat(32) });
    fac.room.send(ClientMessage.page, { screenId: "main", to: 9 });
    fac.room.send(ClientMessage.grant, { participantId: "ghost", presenter: true });
    // Malformed messages share the presence notice throttle (≤ 1 per 5 s); the others each answer.
    await eventually(() => fac.notices.length === 5);
    const said = fac.notices.map((n) => `${n.code} ${JSON.stringify(n.params ?? {})}`).join("\n");
    for (const why of [/invalid-message .*to: /, /no-such-screen \{"screen":"nowhere"\}/, /no-such-deck/, /invalid-message .*page 9 is not in this deck/, /person-gone/]) expect(said).toMatch(why);
    expect(screen(pat)).toMatchObject({ deckId: deck.id, page: 1 });
    expect(fac.room.connection.isOpen).toBe(true);
  });

  it("keeps the page for late joiners and for a new room after everyone left (stored, replayed)", async () => {
    fac.room.send(ClientMessage.page, { screenId: "main", to: 3 });
    await eventually(() => screen(pat)?.page === 3);
    const late = await h.join("Lena");
    expect(screen(late)).toMatchObject({ deckId: deck.id, page: 3, pageCount: 4 });
    const oldRoom = fac.room.roomId;
    await Promise.all([fac.room.leave(true), pat.room.leave(true), late.room.leave(true)]);
    await sleep(200); // the empty room is disposed
    const back = await h.join("Fatou", {}, { kind: "facilitator" });
    expect(back.room.roomId).not.toBe(oldRoom);
    expect(screen(back)).toMatchObject({ deckId: deck.id, deckName: "Deck", page: 3, pageCount: 4 });
  });

  it("runs page turns in order: quick presses each count, and a full deck clamps at the end", async () => {
    for (let i = 0; i < 6; i++) fac.room.send(ClientMessage.page, { screenId: "main", to: "next" });
    await eventually(() => screen(pat)?.page === 4);
    await sleep(100);
    expect(screen(pat)?.page).toBe(4);
    expect(fac.notices).toEqual([]);
  });

  it("relays the presenter's pointer to the others, and never a participant's", async () => {
    const seen: SlidePointerBroadcastPayload[] = [];
    const facSeen: SlidePointerBroadcastPayload[] = [];
    pat.room.onMessage(ServerMessage.slidePointer, (p: SlidePointerBroadcastPayload) => seen.push(p));
    fac.room.onMessage(ServerMessage.slidePointer, (p: SlidePointerBroadcastPayload) => facSeen.push(p));
    fac.room.send(ClientMessage.pointer, { screenId: "main", at: [0.25, 0.5] });
    await eventually(() => seen.length === 1);
    expect(seen[0]).toEqual({ screenId: "main", at: [0.25, 0.5], by: fac.room.sessionId });
    pat.room.send(ClientMessage.pointer, { screenId: "main", at: [0.5, 0.5] });
    fac.room.send(ClientMessage.pointer, { screenId: "main", at: [2, 0.5] }); // off the screen: malformed
    await eventually(() => pat.notices.length === 1 && fac.notices.length === 1);
    expect(facSeen).toEqual([]);
    expect(seen).toHaveLength(1);
  });
});
