// Six people through the Janus SFU (VideoRoom), two of them speaking, signalled through our server.
// Janus gathers no ICE candidates on loopback, so this runs only inside the network namespace that
// `npm test` sets up (scripts/netns.mjs: a veth with 127.0.0.2, OTC_JANUS_ICE names it); see VOICE.md.
import { afterAll, describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import type { PageLike } from "../harness/client-page.js";
import type { Person } from "../harness/person.js";
import { meanLevels, peakLevels, streamWindow, voicePeers } from "../harness/voice-page.js";
import { waitUntil } from "../harness/wait.js";

const SESSION = "e2e-voice-sfu";
const HEARD = 0.001;
const SILENT = 0.0002;
const ICE = process.env.OTC_JANUS_ICE;
const NAMES = ["Fay", "Ada", "Ben", "Cy", "Dee", "Eli"] as const; // Fay facilitates; Ada and Ben speak
type Name = (typeof NAMES)[number];

const ids = {} as Record<Name, string>;
const listeners: Name[] = ["Fay", "Cy", "Dee", "Eli"];

async function join(p: Person, invite: string, muted: boolean): Promise<void> {
  const started = performance.now();
  await p.join(invite, {
    prepare: async () => {
      if (muted) await p.page.getByLabel("Join muted").check({ timeout: 90_000 });
    },
  });
  ids[p.name as Name] = await p.hook<string>("otc.selfId");
  console.log(`${p.name} joined after ${Math.round(performance.now() - started)} ms`);
}

async function ratio(page: PageLike, id: string): Promise<number> {
  // A track that stalls on a loaded box has no frames for a while (0/0): measure again until it arrives.
  let l = (await meanLevels(page, 2500)).get(id)!;
  for (let i = 0; i < 5 && !(l.input > HEARD); i++) l = (await meanLevels(page, 2500)).get(id)!;
  expect(l.input, `no voice from ${id} arrives`).toBeGreaterThan(HEARD);
  return l.output / l.input;
}

describe.skipIf(!ICE)("voice through the Janus SFU", () => {
  // Inside the describe: skipped without the namespace's address, it starts no server and no browser.
  const suite = browserSuite({ server: { voice: { managed: true, iceEnforceList: ICE!, rtpPortRange: "40000-40999" } } });
  // One browser per person, as in a real session: pages of one browser share its GPU process, and
  // six software-rendered rooms queued behind one another starved a joiner for minutes. Low-power
  // rendering (8 fps, no shadows): six software-rendered pages share two cores.
  const pages = Object.fromEntries(
    NAMES.map((n) => [n, suite.person(n, { voice: true, ownBrowser: true, viewport: { width: 640, height: 400 }, query: "testhooks=1&lowpower=1" })]),
  ) as Record<Name, Person>;

  afterAll(async () => {
    for (const n of NAMES) {
      const ms = await pages[n].hook<number[]>("otc.voice.answerMs()").catch(() => null);
      console.log(`${n}'s subscription answers took ${ms?.join(", ") ?? "(no page)"} ms`);
    }
  });

  it("six people join: Ada and Ben talking, the others muted from the join screen", async () => {
    expect(suite.server.voice).toBe("sfu (managed Janus)");
    // Fay runs the session: she opens the facilitator link, everyone else the participant link.
    for (const n of NAMES) await join(pages[n], await suite.server.invite(SESSION, n === "Fay" ? "facilitator" : "participant"), n !== "Ada" && n !== "Ben");
    expect(await pages.Ada.hook<string>("otc.voice.transport")).toBe("sfu");
    expect(await pages.Cy.hook<boolean>("otc.voice.muted")).toBe(true);
  }, 540_000); // six software-rendered browsers on two cores: 1–3 min on an idle box, more under load

  it("every listener receives both speakers as separate tracks", async () => {
    for (const n of listeners) {
      const page = pages[n].page;
      await expect
        .poll(async () => (await voicePeers(page)).filter((p) => (p.id === ids.Ada || p.id === ids.Ben) && p.packetsReceived > 25).length, { timeout: 45_000, message: `${n} receives Ada and Ben` })
        .toBe(2);
      const { before, peaks, after } = await streamWindow(page, 1500, { speakers: [ids.Ada, ids.Ben], minRise: 20 });
      for (const speaker of [ids.Ada, ids.Ben]) {
        const a = after.find((p) => p.id === speaker)!;
        expect(a.packetsReceived, `${n} ← ${speaker} packets rising`).toBeGreaterThan(before.find((p) => p.id === speaker)!.packetsReceived + 20);
        expect(peaks.get(speaker)!.input, `${n} ← ${speaker} level`).toBeGreaterThan(HEARD);
      }
    }
  }, 300_000);

  it("a mute lock stops Ada's audio at the SFU even when her client forces its microphone on", async () => {
    const fay = pages.Fay.page;
    await fay.getByRole("button", { name: "Lock mics" }).click();
    await pages.Ada.waitFor("window.__otc.voice.muted === true", "muted by the lock");
    await pages.Ada.hook("(otc.voice.simulateModifiedClientUnmute(), true)");
    // The server answers the unmute request with its refusal notice: wait for that answer.
    await expect.poll(() => pages.Ada.page.getByText(/you cannot unmute now/).first().isVisible(), { timeout: 15_000, message: "Ada never got the server's refusal" }).toBe(true);
    expect(await pages.Ada.hook<boolean>("otc.voice.muted")).toBe(true); // the server refused the unmute
    // Silence follows once the audio already on its way has drained (it once took longer than the
    // fixed 1.5 s pause this replaced on a loaded box): measure until silent, within a deadline.
    for (const n of ["Cy", "Dee"] as const) {
      await expect.poll(async () => (await peakLevels(pages[n])).get(ids.Ada)?.input ?? 0, { timeout: 20_000, message: `${n} hears Ada` }).toBeLessThan(SILENT);
    }
    await pages.Cy.shot("voice-sfu-locked.png");
    await fay.getByRole("button", { name: "Unlock mics" }).click();
    await fay.getByRole("button", { name: "Lock mics" }).waitFor();
  }, 120_000);

  it("a presenter is heard at full level across the room", async () => {
    const eli = pages.Eli.page;
    // Eli steps over to the left wall, 6–7 m from Ben (who stands right of centre). Walking there
    // would weave between desks at a few frames a second on a loaded box: stand there directly.
    const ben = await pages.Ben.hook<number[]>("otc.localHead()");
    await pages.Eli.hook(`(otc.standAndLook(-5.2, 4.6, ${JSON.stringify(ben)}), true)`);
    await expect.poll(async () => (await pages.Eli.hook<number[]>("otc.localHead()"))[0]!, { timeout: 30_000 }).toBeLessThan(-4.5);
    await pages.Ben.page.keyboard.press("m");
    await pages.Ben.waitFor("window.__otc.voice.muted === false", "Ben unmuted after pressing M");
    await expect.poll(async () => (await peakLevels(eli, 800)).get(ids.Ben)?.input ?? 0, { timeout: 20_000 }).toBeGreaterThan(HEARD);
    const far = await ratio(eli, ids.Ben);
    await pages.Fay.page.locator(`li[data-participant="${ids.Ben}"]`).getByRole("button", { name: "Make presenter" }).click();
    await expect.poll(() => pages.Eli.hook<boolean>(`otc.voice.cues()[${JSON.stringify(ids.Ben)}]?.presenter === true`), { timeout: 10_000 }).toBe(true);
    // The presenter's gain ramps in at Eli's panner: wait until it has clearly risen before measuring.
    await waitUntil(async () => (await voicePeers(eli)).find((p) => p.id === ids.Ben), (p) => p !== undefined && p.input > HEARD && p.output / p.input > far * 2.5, "Ben's level at Eli's panner to rise as presenter", 20_000);
    const presenting = await ratio(eli, ids.Ben);
    console.log(`Ben at Eli's panner output/input: ${far.toFixed(3)} as a participant 7 m away, ${presenting.toFixed(3)} as presenter`);
    expect(presenting).toBeGreaterThan(far * 2.5);
    await pages.Fay.shot("voice-sfu-facilitator.png");
  }, 300_000);
});
