// Two people draw on the same whiteboard from two desktops (mouse on the 3D board), see each
// other's strokes while drawing and after, undo their own, add a sticky note, reload, and keep
// everything through a server restart. Real built client, real server, Debian Chromium.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { hook, waitFrames } from "../harness/client-page.js";
import type { Person } from "../harness/person.js";
import { waitUntil } from "../harness/wait.js";

const SESSION = "e2e-whiteboard";
const BOARD = "front"; // training-room.json: at (4.7, 1.5, -5.95), facing +z, 2.2 m × 1.3 m

interface Item {
  k: "s" | "n";
  id: number;
  colour: string;
  text?: string;
}

const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader|ERR_CONNECTION_REFUSED|WebSocket|Failed to load resource/i } });
const ada = suite.person("Ada", { lowPower: true });
const ben = suite.person("Ben", { lowPower: true });

const boardOf = (p: Person) => p.hook<{ seq: number; items: Item[] }>(`otc.whiteboard.boards()[${JSON.stringify(BOARD)}]`);

/** Stands in front of the board and looks at its centre, as a person would walk up to it. */
async function faceBoard(p: Page, x: number): Promise<void> {
  await hook(p, `(otc.standAndLook(${x}, -3.6, [4.7, 1.5, -5.95]), true)`);
  await waitFrames(p, 3);
}

/** Presses on the board at board point `from` and drags the mouse through `through` (board units). */
async function drawWithMouse(p: Page, points: Array<[number, number]>, beforeRelease?: () => Promise<void>): Promise<void> {
  const screen = async ([x, y]: [number, number]) => (await hook<[number, number]>(p, `otc.whiteboard.screenPoint(${JSON.stringify(BOARD)}, ${x}, ${y})`))!;
  const [sx, sy] = await screen(points[0]!);
  await p.mouse.move(sx, sy);
  await p.mouse.down();
  for (const pt of points.slice(1)) {
    const [x, y] = await screen(pt);
    await p.mouse.move(x, y, { steps: 6 });
  }
  await beforeRelease?.();
  await p.mouse.up();
}

describe("two people on one whiteboard", () => {
  it("both join and face the front board", async () => {
    await ada.join(await suite.server.invite(SESSION, "facilitator"), { colour: "#e4572e" });
    await ben.join(await suite.server.invite(SESSION, "participant"), { colour: "#7b2cbf" });
    for (const p of [ada, ben]) await waitUntil(() => boardOf(p), (b) => b !== undefined && b.seq === 0, "the board never arrived");
    await faceBoard(ada.page, 4.3);
    await faceBoard(ben.page, 5.1);
  });

  it("a stroke drawn with the mouse shows live on the other page while drawing, then committed on both", async () => {
    const heads = await ada.hook<number[]>("otc.localHead()");
    await drawWithMouse(ada.page, [[600, 500], [1200, 900], [1800, 600], [2400, 1100]], async () => {
      // still pressed: Ben already sees Ada's stroke growing (live ink, not yet stored)
      await waitUntil(() => ben.hook<number>(`otc.whiteboard.liveCount(${JSON.stringify(BOARD)})`), (n) => n === 1, "Ben never saw the live stroke");
    });
    const a = await waitUntil(() => boardOf(ada), (b) => b.items.length === 1, "Ada's stroke was not committed");
    await waitUntil(() => boardOf(ben), (b) => b.items.length === 1, "Ben never got Ada's stroke");
    expect(await boardOf(ben)).toEqual(a);
    expect(a.items[0]).toMatchObject({ k: "s", colour: "#1e3a8a" });
    // drawing did not turn or walk Ada
    expect(await ada.hook<number[]>("otc.localHead()")).toEqual(heads);
  });

  it("a drag that starts on the board from across the room (8 m) turns the view and draws nothing", async () => {
    await hook(ben.page, `(otc.standAndLook(4.7, 2.0, [4.7, 1.5, -5.95]), true)`);
    await ben.waitFrames(3);
    const before = await ben.hook<number[]>("otc.localHeadRotation()");
    const seq = (await boardOf(ben)).seq;
    // Pen in hand, press on the middle of the board and drag 300 px sideways, as one drags to look around.
    const [sx, sy] = (await ben.hook<[number, number]>(`otc.whiteboard.screenPoint(${JSON.stringify(BOARD)}, 1800, 650)`))!;
    await ben.page.mouse.move(sx, sy);
    await ben.page.mouse.down();
    await ben.page.mouse.move(sx + 300, sy + 20, { steps: 10 });
    await ben.page.mouse.up();
    await waitUntil(() => ben.hook<number[]>("otc.localHeadRotation()"), (q) => JSON.stringify(q) !== JSON.stringify(before), "the drag never turned Ben's view");
    await ada.waitFrames(10); // a stroke would have reached Ada by now: Ben's live ink goes out at once
    expect(await ada.hook<number>(`otc.whiteboard.liveCount(${JSON.stringify(BOARD)})`)).toBe(0);
    expect((await boardOf(ada)).items).toHaveLength(1);
    expect((await boardOf(ben)).seq).toBe(seq);
    await faceBoard(ben.page, 5.1);
  });

  it("Ben draws in red; undo (Ctrl+Z) takes back only his stroke, redo brings it back", async () => {
    await ben.page.getByRole("button", { name: "Colour #c62828" }).click();
    await ben.page.getByRole("button", { name: "Thick" }).click();
    await drawWithMouse(ben.page, [[700, 1500], [1500, 1700], [2600, 1400]]);
    await waitUntil(() => boardOf(ada), (b) => b.items.length === 2 && b.items[1]!.colour === "#c62828", "Ada never got Ben's red stroke");
    await ben.page.keyboard.press("Control+z");
    const undone = await waitUntil(() => boardOf(ada), (b) => b.items.length === 1, "Ben's undo did not reach Ada");
    expect(undone.items[0]!.colour).toBe("#1e3a8a"); // Ada's stroke stays
    await ben.page.keyboard.press("Control+Shift+z");
    await waitUntil(() => boardOf(ada), (b) => b.items.length === 2, "Ben's redo did not reach Ada");
  });

  it("a sticky note with text, placed by clicking the board", async () => {
    await ada.page.getByRole("button", { name: "Sticky note" }).click();
    await ada.page.getByLabel("Note text").fill("Ideas for Monday");
    const [x, y] = (await ada.hook<[number, number]>(`otc.whiteboard.screenPoint(${JSON.stringify(BOARD)}, 3300, 500)`))!;
    await ada.page.mouse.click(x, y);
    const b = await waitUntil(() => boardOf(ben), (v) => v.items.some((i) => i.k === "n"), "Ben never got the note");
    expect(b.items.find((i) => i.k === "n")!.text).toBe("Ideas for Monday");
    await ada.page.getByRole("button", { name: "Pen", exact: true }).click();
  });

  it("both pages show the same board (screenshots saved), and the PNG export has the board", async () => {
    await waitUntil(async () => JSON.stringify(await boardOf(ada)) === JSON.stringify(await boardOf(ben)), (same) => same, "boards differ");
    for (const p of [ada, ben]) await p.waitFrames(5);
    await ada.shot("whiteboard-ada.png");
    await ben.shot("whiteboard-ben.png");
    expect(await ada.hook<number>(`otc.whiteboard.pngSize(${JSON.stringify(BOARD)})`)).toBeGreaterThan(2000);
  });

  it("a reload keeps every stroke and note", async () => {
    const before = await boardOf(ada);
    await ben.page.reload();
    await ben.page.getByRole("button", { name: "Join", exact: true }).click({ timeout: 90_000 });
    await ben.waitFor(`window.__otc && window.__otc.status === "connected"`, "Ben connected again after the reload", 60_000);
    await waitUntil(() => boardOf(ben), (b) => b !== undefined && b.seq === before.seq, "Ben's board after reload");
    expect(await boardOf(ben)).toEqual(before);
  });

  it("after a server restart both pages have the same boards again", async () => {
    const before = await boardOf(ada);
    await suite.server.restart();
    for (const p of [ada, ben]) {
      await p.waitFor(`window.__otc.status === "connected" && window.__otc.participants().length === 2`, "both back after the restart", 60_000);
      await waitUntil(() => boardOf(p), (b) => b !== undefined && JSON.stringify(b.items) === JSON.stringify(before.items), "boards after restart");
    }
    // and undo still works on the restarted server: Ben's stroke goes
    await faceBoard(ben.page, 5.1);
    await ben.page.keyboard.press("Control+z");
    await waitUntil(() => boardOf(ada), (b) => b.items.length === before.items.length - 1, "undo after restart");
    await faceBoard(ada.page, 4.3);
    await ada.shot("whiteboard-after-restart.png");
  });
});
