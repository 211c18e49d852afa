// A participant on a phone (touch, 390×844, turned to 844×390): the join screen fits, the thumb stick
// walks, a finger looks around, a tap on the floor walks there, a tap raises the hand the facilitator
// sees, the slides the facilitator (desktop) turns follow on the phone, and in both orientations the
// panels, the stick and the hand row never cover each other and every button is finger-sized. The
// facilitator's people list says "Phone".
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CDPSession } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { makeNumberedPdf } from "@otc/server/src/test-support/test-pdf.ts";
import { browserSuite } from "../harness/browser-suite.js";
import { boxes, overlapping, type Box } from "../harness/hud-layout.js";
import type { Person } from "../harness/person.js";

const deckFile = path.join(tmpdir(), `otc-phone-${process.pid}.pdf`);
const SESSION = "phone-demo";
const PORTRAIT = { width: 390, height: 844 };
const LANDSCAPE = { width: 844, height: 390 };

const suite = browserSuite({ pageErrors: { ignore: /ERR_CONNECTION_REFUSED|WebSocket|Failed to load resource/ } });
// A browser each: pages of one browser share its GPU process and starve each other's rendering.
const fatou = suite.person("Fatou", { ownBrowser: true });
const amara = suite.person("Amara", { ownBrowser: true, touch: true, viewport: PORTRAIT });

const outside = (list: Box[], size: { width: number; height: number }) =>
  list.filter((b) => b.x < 0 || b.y < 0 || b.x + b.w > size.width + 0.5 || b.y + b.h > size.height + 0.5).map((b) => b.name);
/** Visible buttons smaller than a fingertip (44×44 CSS px) among `selector`. */
const smallButtons = (p: Person, selector: string) =>
  p.page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .map((b) => ({ b, r: b.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
        .map(({ b, r }) => `${b.textContent?.trim() || b.getAttribute("aria-label")} ${Math.round(r.width)}×${Math.round(r.height)}`),
    selector,
  );
const ALWAYS = [".status", ".touch-stick", ".avatar-hud", ".touch-bar"];
const SHEETS = [".people", ".hud-dock-left", ".hud-dock-right", ".touch-more", ".slides-panel", ".onboarding-dock", ".survey-open", ".vr-button"];
async function checkLayout(p: Person, size: { width: number; height: number }, what: string) {
  const shown = await boxes(p, [...ALWAYS, ...SHEETS]);
  expect(shown.map((b) => b.name), `${what}: the stick, the hand row and the bar are on screen`).toEqual(expect.arrayContaining(ALWAYS));
  expect(overlapping(shown), `${what}: nothing covers anything else`).toEqual([]);
  expect(outside(shown, size), `${what}: nothing runs off the screen`).toEqual([]);
  expect(await smallButtons(p, ".touch-bar button, .avatar-hud button, .touch-more select, .onboarding-dock button, .survey-open button"), `${what}: finger-sized buttons`).toEqual([]);
}

const head = (p: Person) => p.hook<[number, number, number]>("otc.localHead()");
const yaw = (p: Person) => p.hook<number>("(() => { const [x, y, z, w] = otc.localHeadRotation(); return Math.atan2(2 * (w * y + x * z), 1 - 2 * (x * x + y * y)); })()");
const touch = (cdp: CDPSession, type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
  cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y, id: 1 }] });

beforeAll(async () => {
  await writeFile(deckFile, await makeNumberedPdf(6, "Phone"));
});

describe("a participant on a phone", () => {
  it("joins from a phone; the join screen fits either way round", async () => {
    await fatou.join(await suite.server.invite(SESSION, "facilitator"));
    await amara.join(await suite.server.invite(SESSION, "participant"), {
      prepare: async () => {
        const fits = () => amara.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth && [...document.querySelectorAll(".join-card *")].every((e) => e.getBoundingClientRect().right <= window.innerWidth + 0.5));
        expect(await fits(), "nothing of the join screen runs off a portrait phone").toBe(true);
        expect(await smallButtons(amara, ".join-card button, .join-card select, .join-card label:has(> input[type=checkbox])"), "finger-sized join screen").toEqual([]);
        await amara.shot("phone-join-portrait.png");
        await amara.page.setViewportSize(LANDSCAPE);
        await amara.page.getByRole("button", { name: "Join", exact: true }).scrollIntoViewIfNeeded();
        expect(await fits(), "nothing of the join screen runs off a landscape phone").toBe(true);
        await amara.shot("phone-join-landscape.png");
        await amara.page.setViewportSize(PORTRAIT);
      },
    });
    await fatou.waitFor(`window.__otc.participants().length === 2`, "Amara listed");
    await checkLayout(amara, PORTRAIT, "portrait, no sheet");
    const amaraId = await amara.hook<string>("otc.selfId");
    expect(await fatou.page.locator(`.people [data-participant="${amaraId}"]`).textContent(), "a phone is not a desktop").toContain("Phone");
  });

  it("walks with the thumb stick, looks with a finger and taps the floor to walk there", async () => {
    const cdp = await amara.context.newCDPSession(amara.page);
    const stick = (await amara.page.getByTestId("touch-stick").boundingBox())!;
    const cx = stick.x + stick.width / 2;
    const cy = stick.y + stick.height / 2;
    const before = await head(amara);
    await touch(cdp, "touchStart", cx, cy);
    await touch(cdp, "touchMove", cx, cy - stick.height / 2); // pushed to the rim: forward, full speed
    await amara.waitFor(`(() => { const [x, , z] = window.__otc.localHead(); return Math.hypot(x - ${before[0]}, z - ${before[2]}) > 0.6; })()`, "Amara to walk 0.6 m by the stick", 20_000);
    await touch(cdp, "touchEnd", 0, 0);
    const walked = await head(amara);
    expect(walked[2]).toBeLessThan(before[2] - 0.5); // forward is -z from the spawn
    // Fatou sees Amara's avatar where the phone walked it
    await fatou.waitFor(
      `(() => { const o = window.__otc; const a = o.participants().find((p) => p.name === "Amara"); const v = a && o.remoteAvatars().find((r) => r.id === a.id); return v && v.head[2] < ${before[2] - 0.5}; })()`,
      "Fatou to see Amara walk",
    );
    // stopped when the thumb lifts
    const stopped = await head(amara);
    await amara.waitFrames(5);
    expect((await head(amara))[2]).toBeCloseTo(stopped[2], 2);

    // a finger dragged to the left across the room turns the view right ("grab the world")
    // (below the onboarding card, right of the stick: the scene itself)
    const yaw0 = await yaw(amara);
    await touch(cdp, "touchStart", 300, 450);
    for (const x of [260, 220, 180]) await touch(cdp, "touchMove", x, 450);
    await touch(cdp, "touchEnd", 0, 0);
    // dragged left 120 px: turned right about 0.6 rad
    await amara.waitFor(`(() => { const [x, y, z, w] = window.__otc.localHeadRotation(); return Math.atan2(2 * (w * y + x * z), 1 - 2 * (x * x + y * y)) < ${yaw0 - 0.3}; })()`, "Amara to turn right by a finger");

    // a tap on the floor walks there: looking down at the floor 1.5 m ahead, tap just below the middle
    // of the view (clear of the onboarding card above and the stick below)
    await amara.hook("otc.standAndLook(0, 2, [0, 0, 0.5])");
    await amara.waitFrames(3);
    await amara.page.touchscreen.tap(PORTRAIT.width / 2, 500);
    await amara.waitFor(`window.__otc.localHead()[2] < 1.3`, "Amara to walk to the tapped floor", 20_000);
  });

  it("raises the hand with a tap; the facilitator sees it", async () => {
    const amaraId = await amara.hook<string>("otc.selfId");
    await amara.page.getByRole("button", { name: "Raise hand" }).tap();
    await fatou.waitFor(`document.querySelector('.people [data-participant="${amaraId}"] .badge.hand') !== null`, "Fatou to see Amara's hand up");
    await amara.waitFor(`document.querySelector('.avatar-hud button.hand[aria-pressed="true"]') !== null`, "the phone's hand button to show raised");
  });

  it("marks a closed sheet holding a new chat message or an unanswered question; the phone answers the poll", async () => {
    const badge = (sheet: string) => amara.page.getByTestId(`touch-badge-${sheet}`);
    const chat = fatou.page.getByLabel("Chat panel");
    await chat.locator("summary").click();
    await chat.getByLabel("Chat message", { exact: true }).fill("Welcome, Amara");
    await chat.getByLabel("Chat message", { exact: true }).press("Enter");
    await badge("chat").waitFor({ timeout: 30_000 });
    expect(await badge("chat").textContent()).toBe("1");
    await tapSheet("Chat", "chat");
    await amara.page.getByText("Welcome, Amara").waitFor();
    expect(await badge("chat").count()).toBe(0);
    await tapSheet("Chat", null);
    expect(await badge("chat").count()).toBe(0); // seen: no mark once closed again

    const polls = fatou.page.getByLabel("Polls", { exact: true });
    const show = polls.getByRole("button", { name: "Show polls" });
    if (await show.isVisible()) await show.click();
    await polls.getByLabel("Question").fill("Which fruit?");
    await polls.getByLabel("Options, one per line").fill("Apple\nPear\nPlum");
    await polls.getByRole("button", { name: "Launch", exact: true }).click();
    await badge("tools").waitFor({ timeout: 30_000 });
    await tapSheet("Tools", "tools");
    await checkLayout(amara, PORTRAIT, "portrait, a poll in the tools sheet");
    await amara.page.getByRole("button", { name: "Pear" }).tap();
    await amara.page.getByText("Your answer: Pear").waitFor({ timeout: 30_000 });
    await amara.shot("phone-portrait-poll.png");
    await tapSheet("Tools", null);
    expect(await badge("tools").count()).toBe(0); // answered: nothing waits
  });

  it("follows the facilitator's slides, and fits portrait and landscape with each panel open", async () => {
    await fatou.page.getByLabel("Upload a deck").setInputFiles(deckFile);
    await amara.waitFor(`window.__otcSlides?.shown().main?.page === 1`, "the phone to show slide 1", 60_000);
    await fatou.page.getByRole("button", { name: "Next slide" }).click();
    await amara.waitFor(`window.__otcSlides.shown().main?.page === 2`, "the phone to follow to slide 2", 30_000);
    await amara.hook("otc.standAndLook(0, -1.2, [0, 1.75, -5.94])");
    await amara.waitFrames(3);
    await amara.shot("phone-portrait.png");
    const sheets = { People: "people", Tools: "tools", Chat: "chat", More: "more" };
    for (const [name, sheet] of Object.entries(sheets)) {
      await tapSheet(name, sheet);
      await checkLayout(amara, PORTRAIT, `portrait, ${sheet} open`);
      if (sheet !== "tools") await amara.shot(`phone-portrait-${sheet}.png`);
    }
    await tapSheet("More", null);

    await amara.page.setViewportSize(LANDSCAPE);
    await amara.waitFor(`window.innerWidth === ${LANDSCAPE.width}`, "the phone turned");
    await checkLayout(amara, LANDSCAPE, "landscape, no sheet");
    await amara.waitFrames(3);
    await amara.shot("phone-landscape.png");
    for (const [name, sheet] of Object.entries(sheets)) {
      await tapSheet(name, sheet);
      await checkLayout(amara, LANDSCAPE, `landscape, ${sheet} open`);
      if (sheet === "tools") await amara.shot("phone-landscape-tools.png");
    }
  });

  it("made presenter, pages from the phone's slides sheet", async () => {
    await fatou.page.getByText("Presenters", { exact: true }).click();
    await fatou.page.getByLabel("Amara may change slides").click();
    await tapSheet("Slides", "slides");
    await checkLayout(amara, LANDSCAPE, "landscape, slides open");
    expect(await smallButtons(amara, ".slides-panel button")).toEqual([]);
    await amara.page.getByRole("button", { name: "Next slide" }).tap();
    await fatou.waitFor(`window.__otcSlides.shown().main?.page === 3`, "Fatou to see the page Amara turned", 30_000);
    await amara.shot("phone-landscape-slides.png");
  });

  it("in Spanish (chosen in the More sheet) the bar's words fit their buttons", async () => {
    await tapSheet("More", "more");
    await amara.page.getByRole("region", { name: "More" }).getByLabel("Language").selectOption("es");
    await amara.waitFor(`document.documentElement.lang === "es"`, "the page in Spanish");
    await tapSheet("Herramientas", "tools");
    await checkLayout(amara, LANDSCAPE, "landscape in Spanish, tools open");
    const cut = await amara.page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".touch-bar button")].filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.textContent));
    expect(cut, "tab words cut off").toEqual([]);
    await amara.shot("phone-landscape-es.png");
  });
});

/** Taps a button of the touch bar and waits for its sheet to open (or, `null`, for none to be open). */
async function tapSheet(name: string, sheet: string | null) {
  await amara.page.getByRole("button", { name, exact: true }).tap();
  await amara.waitFor(sheet ? `document.documentElement.dataset.sheet === "${sheet}"` : `!document.documentElement.dataset.sheet`, `the ${sheet ?? "closed"} sheet`);
}
