// Three people talk peer-to-peer (the embedded mesh transport) with Chromium's fake microphones:
// everyone hears the other two, a mute silences that person for the others, and a person who walks
// away is quieter at the listener's panner output than one standing near. All media goes through a real
// coturn on 127.0.0.1 (relay only, with the time-limited credentials the server hands out), which proves
// the TURN path a person behind a strict firewall depends on; without coturn it runs direct, loudly.
import { startTestTurn } from "@otc/server/src/test-support/coturn.ts";
import { afterAll, describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { avatarOf } from "../harness/client-page.js";
import { inboundRates, meanLevels, peakLevels, streamWindow, voicePeers } from "../harness/voice-page.js";
import { waitUntil } from "../harness/wait.js";

const SESSION = "e2e-voice-mesh";
/** RMS that counts as "audio is there" (VOICE.md: the fake device measures well above it). */
const HEARD = 0.001;
const SILENT = 0.0002;

const turn = await startTestTurn();
if (!turn.ok) console.warn(`\n!!! voice-mesh runs WITHOUT the TURN relay: ${turn.reason} !!!\n`);
const relay = turn.ok ? { managed: false, turn: { urls: [`turn:127.0.0.1:${turn.turn.port}?transport=udp`], secret: turn.turn.secret, ttlS: 3600, relayOnly: true } } : undefined;
afterAll(() => (turn.ok ? turn.turn.stop() : undefined));

const suite = browserSuite({ ...(relay ? { server: { voice: relay } } : {}), pageErrors: { ignore: /WebGL|GPU stall|swiftshader/i } });
// A browser each: pages of one browser share its GPU process and starve each other.
const pages = {
  ada: suite.person("Ada", { voice: true, ownBrowser: true, lowPower: true }),
  ben: suite.person("Ben", { voice: true, ownBrowser: true, lowPower: true }),
  cy: suite.person("Cy", { voice: true, ownBrowser: true, lowPower: true }),
};
const ids: Record<string, string> = {};

describe("peer-to-peer voice between three people", () => {
  it("checks the microphone on the join screen", async () => {
    const { page } = pages.ada;
    await pages.ada.goto(await suite.server.invite(SESSION));
    await page.getByRole("button", { name: "Check my microphone" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: /sound fine/ }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByLabel("Microphone", { exact: true }).locator("option").count()).toBeGreaterThan(1);
    await page.getByLabel("Display name").fill("Ada");
    await pages.ada.shot("voice-mic-check.png");
  });

  it("everyone receives audio from the other two: RTP packets rising and a level on each track", async () => {
    for (const name of ["ada", "ben", "cy"] as const) {
      await pages[name].join(await suite.server.invite(SESSION));
      ids[name] = await pages[name].hook<string>("otc.selfId");
    }
    for (const name of ["ada", "ben", "cy"] as const) {
      const page = pages[name].page;
      await pages[name].waitFor(`window.__otc.voice.mic === "live" && !window.__otc.voice.muted`, "a live, unmuted microphone", 30_000);
      // The training room has audio zones, which peer-to-peer voice leaves to each listener: the people panel says so.
      await expect.poll(() => page.locator("aside.people").getByText(/each listener’s browser applies them/).count()).toBe(1);
      await expect
        .poll(async () => (await voicePeers(page)).filter((p) => p.packetsReceived > 25).length, { timeout: 30_000, message: `${name} receives two streams` })
        .toBe(2);
      const speakers = (await voicePeers(page)).map((p) => p.id);
      const { before, peaks, after } = await streamWindow(page, 1500, { speakers, minRise: 20 });
      if (turn.ok) expect(after.map((p) => p.path), `${name}'s media goes through the TURN relay`).toEqual(["relay", "relay"]);
      for (const p of after) {
        const earlier = before.find((b) => b.id === p.id)!;
        expect(p.packetsReceived, `${name} ← ${p.id} packets`).toBeGreaterThan(earlier.packetsReceived + 20);
        expect(peaks.get(p.id)!.input, `${name} ← ${p.id} level`).toBeGreaterThan(HEARD);
        expect(peaks.get(p.id)!.output, `${name} ← ${p.id} level at the panner output`).toBeGreaterThan(HEARD);
      }
    }
  });

  it("after Ada mutes (M key), Ben and Cy measure silence from her and see her muted", async () => {
    await pages.ada.page.locator("canvas").first().click({ position: { x: 480, y: 80 } });
    await pages.ada.page.keyboard.press("m");
    await pages.ada.waitFor(`window.__otc.voice.muted === true`, "muted after pressing M");
    for (const name of ["ben", "cy"] as const) {
      const page = pages[name].page;
      await expect.poll(() => page.locator(`li[data-participant="${ids.ada}"] [data-voice]`).getAttribute("data-voice"), { timeout: 10_000 }).toBe("muted");
      // Silence follows within a few seconds (the last buffered audio drains; slower on a loaded box).
      let peaks = await peakLevels(page);
      await expect
        .poll(async () => {
          peaks = await peakLevels(page, 1000);
          const ada = peaks.get(ids.ada!)!;
          return Math.max(ada.input, ada.output);
        }, { timeout: 15_000, message: `${name} still hears Ada on the wire or at the panner` })
        .toBeLessThan(SILENT);
      const other = name === "ben" ? ids.cy! : ids.ben!;
      expect(peaks.get(other)!.output, `${name} still hears the other`).toBeGreaterThan(HEARD);
    }
    await pages.ben.shot("voice-muted-cue.png");
    await pages.ada.page.keyboard.press("m");
    await pages.ada.waitFor(`window.__otc.voice.muted === false`, "unmuted after pressing M again");
  });

  it("a person who walks away is quieter at the listener's panner output than one nearby", async () => {
    // Cy walks sideways to the right-hand wall, ~8 m from Ben; Ada stays beside Ben (spawns 1.5 m apart).
    const cy = pages.cy.page;
    await cy.locator("canvas").first().click({ position: { x: 480, y: 80 } });
    await cy.keyboard.down("d");
    // Three software-rendered pages share two cores: walking is frame-paced, so hold until there.
    await expect.poll(async () => (await pages.cy.hook<number[]>("otc.localHead()"))[0]!, { timeout: 90_000 }).toBeGreaterThan(5.5);
    await cy.keyboard.up("d");
    const cyHead = await pages.cy.hook<number[]>("otc.localHead()");
    const benHead = await pages.ben.hook<number[]>("otc.localHead()");
    const adaHead = await pages.ada.hook<number[]>("otc.localHead()");
    const far = Math.hypot(cyHead[0]! - benHead[0]!, cyHead[2]! - benHead[2]!);
    const near = Math.hypot(adaHead[0]! - benHead[0]!, adaHead[2]! - benHead[2]!);
    expect(far).toBeGreaterThan(5);
    expect(near).toBeLessThan(3);
    // Ben's view of both settles where they really stand (interpolation catches up).
    for (const [name, head] of [["Cy", cyHead], ["Ada", adaHead]] as const) {
      await waitUntil(() => avatarOf(pages.ben, name), (a) => a !== undefined && Math.hypot(a.head[0]! - head[0]!, a.head[2]! - head[2]!) < 0.05, `Ben's view of ${name} to settle where ${name} stands`, 20_000);
    }
    // On a loaded box a track can stall for a few seconds (no frames: input 0, a ratio of 0/0):
    // measure again until both voices arrive, then compare what the panner let through.
    let levels = await meanLevels(pages.ben.page, 3000);
    for (let i = 0; i < 5 && !(levels.get(ids.ada!)!.input > HEARD && levels.get(ids.cy!)!.input > HEARD); i++) {
      levels = await meanLevels(pages.ben.page, 3000);
    }
    const ada = levels.get(ids.ada!)!;
    const cyL = levels.get(ids.cy!)!;
    const seen = JSON.stringify({ ada, cy: cyL, peers: await voicePeers(pages.ben.page) });
    expect(ada.input, `Ben receives Ada's voice: ${seen}`).toBeGreaterThan(HEARD);
    expect(cyL.input, `Ben receives Cy's voice: ${seen}`).toBeGreaterThan(HEARD);
    // Both fake microphones send the same signal; compare what the panner lets through of each.
    const nearRatio = ada.output / ada.input;
    const farRatio = cyL.output / cyL.input;
    console.log(`panner output/input at ${near.toFixed(1)} m: ${nearRatio.toFixed(3)}, at ${far.toFixed(1)} m: ${farRatio.toFixed(3)}`);
    expect(farRatio).toBeLessThan(nearRatio * 0.6);
    expect(farRatio).toBeGreaterThan(0.05); // faint, not gone (a ratio: the fake mic's own level varies over a window)
  });

  it("Ben switches to low bandwidth in the voice bar: the others' voices reach him in 120 ms packets at about 12 kbit/s, his own is capped too", async () => {
    const normal = await inboundRates(pages.ben.page);
    await pages.ben.page.getByLabel("Low bandwidth", { exact: true }).check();
    // Ben calls Ada and Cy again with a description asking for Opus at 12 kbit/s in 120 ms packets (8.3 a second, against 50).
    const lowered = (rates: Map<string, { packetsPerSecond: number; kbps: number }>) =>
      [ids.ada!, ids.cy!].every((id) => {
        const r = rates.get(id);
        return r !== undefined && r.packetsPerSecond > 4 && r.packetsPerSecond < 12 && r.kbps < 16;
      });
    const low = await waitUntil(async () => Object.fromEntries(await inboundRates(pages.ben.page)), (r) => lowered(new Map(Object.entries(r))), "Ben's incoming voices (packets/s, payload kbit/s) to drop to 120 ms packets (4–12 a second) at ≤ 16 kbit/s", 60_000);
    console.log(`Ben's incoming voices, normal: ${JSON.stringify(Object.fromEntries(normal))}; low: ${JSON.stringify(low)}`);
    // What Ben sends is capped at 12 kbit/s for everyone (packets stay at 20 ms: the others asked for nothing).
    await waitUntil(async () => (await inboundRates(pages.ada.page)).get(ids.ben!) ?? null, (r) => r !== null && r.kbps < 16, "Ada to receive Ben's voice at ≤ 16 kbit/s", 30_000);
    await pages.ben.shot("voice-low-bandwidth.png");
  });
});
