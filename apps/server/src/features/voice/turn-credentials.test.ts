import { iceConfigSchema } from "@otc/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestTurn, type TestTurn } from "../../test-support/coturn.js";
import { startTestServer } from "../../test-support/harness.js";
import { turnIceConfig } from "./turn-credentials.js";

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

describe("TURN credentials for browsers", () => {
  it("name the expiry and the session, and fit the shape the client reads", () => {
    const config = turnIceConfig({ urls: ["turn:turn.example.org:3478"], secret: "s", ttlS: 3600, relayOnly: true }, "session-1", NOW);
    expect(iceConfigSchema.parse(config)).toEqual(config);
    expect(config.servers[0]!.username).toBe(`${NOW / 1000 + 3600}:session-1`);
    expect(config.relayOnly).toBe(true);
    const other = turnIceConfig({ urls: ["turn:turn.example.org:3478"], secret: "other", ttlS: 3600 }, "session-1", NOW);
    expect(other.servers[0]!.credential).not.toBe(config.servers[0]!.credential);
  });

  it("reach everyone in a room through its state, and nothing is written when the server has no relay", async () => {
    const withTurn = await startTestServer({ voice: { managed: false, turn: { urls: ["turn:turn.example.org:3478?transport=udp"], secret: "s", ttlS: 7200 } } });
    try {
      const ada = await withTurn.join("Ada", { sessionId: "turn-room" });
      const config = iceConfigSchema.parse(JSON.parse(ada.room.state.iceServers));
      expect(config.servers[0]!.urls).toEqual(["turn:turn.example.org:3478?transport=udp"]);
      expect(config.servers[0]!.username).toBe(`${withTurn.clock.now / 1000 + 7200}:turn-room`);
    } finally {
      await withTurn.close();
    }
    const plain = await startTestServer({ voice: { managed: false } });
    try {
      expect((await plain.join("Ben")).room.state.iceServers).toBe("");
    } finally {
      await plain.close();
    }
  });

  describe("against a real coturn", () => {
    let turn: TestTurn | undefined;
    beforeAll(async () => {
      const started = await startTestTurn();
      if (started.ok) turn = started.turn;
      else console.warn(`\n!!! TURN credential tests against coturn SKIPPED: ${started.reason} !!!\n`);
    });
    afterAll(() => turn?.stop());

    it("coturn relays for a credential the server hands out, and refuses a forged or expired one", async (t) => {
      if (!turn) return t.skip();
      const url = [`turn:127.0.0.1:${turn.port}`];
      const good = turnIceConfig({ urls: url, secret: turn.secret, ttlS: 600 }, "s1", Date.now()).servers[0]!;
      expect(await turn.allocates(good.username!, good.credential!)).toBe(true);
      const forged = turnIceConfig({ urls: url, secret: "guessed", ttlS: 600 }, "s1", Date.now()).servers[0]!;
      expect(await turn.allocates(forged.username!, forged.credential!)).toBe(false);
      const expired = turnIceConfig({ urls: url, secret: turn.secret, ttlS: 600 }, "s1", Date.now() - 3600_000).servers[0]!;
      expect(await turn.allocates(expired.username!, expired.credential!)).toBe(false);
    });
  });
});
