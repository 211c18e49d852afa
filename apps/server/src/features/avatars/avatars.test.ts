import { AVATAR_MODEL_MAX_BYTES, AVATAR_SESSION_HEADER, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, AvatarMessage, ServerMessage, type ReactionBroadcastPayload } from "@otc/contract";
import { buildTestVrm } from "@otc/avatars";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, newPersonKey, startTestServer, type TestServer } from "../../test-support/harness.js";
import { checkAvatarModel } from "./model-check.js";

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const look = { body: "broad", skin: "#7a4a31", hair: "bun", hairColour: "#222222", clothing: "#3a9d5d" };

/** Uploads as an invited person of session "demo" (or with the headers given instead). */
async function upload(bytes: Uint8Array, invitation?: Record<string, string>): Promise<Response> {
  const headers = invitation ?? { [AVATAR_SESSION_HEADER]: "demo", [SLIDE_LINK_HEADER]: await t.linkToken("demo"), [SLIDE_PERSON_HEADER]: newPersonKey() };
  return fetch(`${t.server.url}/avatars`, { method: "POST", body: bytes, headers: { "content-type": "application/octet-stream", ...headers } });
}

describe("avatars in a room", () => {
  it("shows everyone a person's look, raised hand and away state", async () => {
    const ada = await t.join("Ada");
    const ben = await t.join("Ben");
    ada.room.send(AvatarMessage.appearance, { appearance: look });
    ada.room.send(AvatarMessage.handRaise, { raised: true });
    ada.room.send(AvatarMessage.away, { away: true });
    await eventually(() => {
      const seen = ben.room.state.participants.get(ada.room.sessionId)!;
      expect(JSON.parse(seen.appearance)).toEqual(look);
      expect(seen.handRaised).toBe(true);
      expect(seen.away).toBe(true);
    });
    ada.room.send(AvatarMessage.handRaise, { raised: false });
    await eventually(() => expect(ben.room.state.participants.get(ada.room.sessionId)!.handRaised).toBe(false));
  });

  it("relays reactions to everyone, at most a burst of three then one per second", async () => {
    const ada = await t.join("Ada");
    const ben = await t.join("Ben");
    const seen: ReactionBroadcastPayload[] = [];
    ben.room.onMessage(ServerMessage.reaction, (p: ReactionBroadcastPayload) => seen.push(p));
    for (let i = 0; i < 10; i++) ada.room.send(AvatarMessage.reaction, { reaction: "clap" });
    await eventually(() => expect(ada.notices.some((n) => n.code === "rate-limited")).toBe(true));
    expect(seen).toEqual(Array.from({ length: 3 }, () => ({ id: ada.room.sessionId, reaction: "clap" })));
    t.clock.now += 1000;
    ada.room.send(AvatarMessage.reaction, { reaction: "heart" });
    await eventually(() => expect(seen.at(-1)).toEqual({ id: ada.room.sessionId, reaction: "heart" }));
  });

  it("drops malformed avatar messages with a notice and keeps the room running", async () => {
    const ada = await t.join("Ada");
    ada.room.send(AvatarMessage.appearance, { appearance: { ...look, skin: "red" } });
    ada.room.send(AvatarMessage.reaction, { reaction: "middle-finger" });
    ada.room.send(AvatarMessage.handRaise, "yes");
    await eventually(() => expect(ada.notices.some((n) => n.code === "invalid-message")).toBe(true));
    const room = t.serverRoom(ada);
    expect(room.state.participants.get(ada.room.sessionId)!.appearance).toBe("");
    expect(room.stats.errors).toBe(0);
    ada.room.send(AvatarMessage.handRaise, { raised: true });
    await eventually(() => expect(room.state.participants.get(ada.room.sessionId)!.handRaised).toBe(true));
  });

  it("accepts an uploaded VRM checked by content, serves it by hash, and others see its URL", async () => {
    const vrm = buildTestVrm();
    const res = await upload(vrm);
    expect(res.status).toBe(201);
    const { hash, url, kind } = (await res.json()) as { hash: string; url: string; kind: string };
    expect(kind).toBe("vrm");
    const back = await fetch(`${t.server.url}${url}`);
    expect(back.status).toBe(200);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(vrm);

    const ada = await t.join("Ada");
    const ben = await t.join("Ben");
    ada.room.send(AvatarMessage.model, { hash });
    await eventually(() => expect(ben.room.state.participants.get(ada.room.sessionId)!.avatarUrl).toBe(url));
    ada.room.send(AvatarMessage.model, { hash: "0".repeat(64) }); // never uploaded
    await eventually(() => expect(ada.notices.some((n) => n.code === "invalid-message")).toBe(true));
    expect(ben.room.state.participants.get(ada.room.sessionId)!.avatarUrl).toBe(url);
  });

  it("refuses uploads that are not avatars, or too big", async () => {
    expect((await upload(new TextEncoder().encode("<html>not a model</html>"))).status).toBe(422);
    expect((await upload(buildTestVrm({ vrm: false }))).status).toBe(422); // a GLB, but no humanoid in it
    const truncated = buildTestVrm().slice(0, 400);
    expect((await upload(truncated)).status).toBe(422);
    expect((await upload(new Uint8Array(AVATAR_MODEL_MAX_BYTES + 1))).status).toBe(413);
    expect((await fetch(`${t.server.url}/avatars/..%2f..%2fetc%2fpasswd.glb`)).status).toBe(404);
  });

  it("refuses a model with a sentence when the server's space for models is full", async () => {
    await t.close();
    t = await startTestServer({ avatarQuota: { totalBytes: 100 } });
    const res = await upload(buildTestVrm());
    expect(res.status).toBe(507);
    expect(await res.text()).toMatch(/space for avatar models .* is full/);
  });

  it("takes uploads only from invited people", async () => {
    const vrm = buildTestVrm();
    expect((await upload(vrm, {})).status).toBe(401);
    const forged = { [AVATAR_SESSION_HEADER]: "demo", [SLIDE_LINK_HEADER]: "forged.token", [SLIDE_PERSON_HEADER]: newPersonKey() };
    expect((await upload(vrm, forged)).status).toBe(403);
    const otherSession = { [AVATAR_SESSION_HEADER]: "other-one", [SLIDE_LINK_HEADER]: await t.linkToken("demo"), [SLIDE_PERSON_HEADER]: newPersonKey() };
    expect((await upload(vrm, otherSession)).status).toBe(403);
    expect((await upload(vrm)).status).toBe(201);
  });
});

describe("checkAvatarModel", () => {
  it("names the kind of a valid model and refuses a too-short file", () => {
    expect(checkAvatarModel(buildTestVrm())).toEqual({ ok: true, kind: "vrm" });
    expect(checkAvatarModel(new Uint8Array(10)).ok).toBe(false);
  });
});
