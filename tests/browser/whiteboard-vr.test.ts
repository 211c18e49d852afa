// A person in an emulated Quest 3 (IWER) draws on the front whiteboard with the right controller's
// ray and trigger, then a desktop user draws on the same board with the mouse; both end with the
// same board, and a third page joining late sees it too. Real client, real server, Debian Chromium.
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import type { Person } from "../harness/person.js";
import { waitUntil } from "../harness/wait.js";

const SESSION = "e2e-whiteboard-vr";
const BOARD = JSON.stringify("front");
/** Generous, because an immersive software-rendered page can stall for long on a busy machine. */
const FRAMES_MS = 120_000;

const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader/i } });
// A browser each: pages of one browser share its GPU process, and the immersive page starved.
const ada = suite.person("Ada", { ownBrowser: true });
const vic = suite.person("Vic", { vr: true, ownBrowser: true });

type Ray = { hand: string; hit: string | null; distance: number | null };
const raysOf = (p: Person) => p.hook<Ray[]>("otc.whiteboard.rays()");
const boardOf = (p: Person) => p.hook<{ seq: number; items: Array<{ k: string; id: number; colour: string }> }>(`otc.whiteboard.boards()[${BOARD}]`);

describe("drawing from VR and desktop on one board", () => {
  it("the VR user draws with the controller ray and trigger, the desktop user with the mouse; both see the same board", async () => {
    const invite = await suite.server.invite(SESSION);
    // Vic joins first (seat 0, the seat the VR drawing was first checked from)
    await vic.join(invite, { colour: "#2a9d8f" });
    await ada.join(invite, { colour: "#e4572e" });
    console.log("whiteboard-vr: both joined");
    await vic.enterVr();
    await ada.hook(`(otc.standAndLook(4.7, -3.6, [4.7, 1.5, -5.95]), true)`);
    await ada.waitFrames(3, FRAMES_MS); // the camera follows the rig in the next rendered frame
    const headBefore = await vic.hook<number[]>("otc.localHead()");
    console.log("whiteboard-vr: in VR");

    // Vic: pen down, sweep across the board with the trigger held; Ada sees the stroke grow live.
    expect(await vic.hook<boolean>(`otc.whiteboard.aimController(${BOARD}, 500, 1800)`)).toBe(true);
    await vic.waitFrames(3, FRAMES_MS);
    // One pointer path: the library's right ray rests on the board; the left ray takes boards only (never the wrist menu or a panel).
    const rays = await waitUntil(() => raysOf(vic), (r) => r.some((x) => x.hand === "right" && x.hit === "whiteboard-surface:front"), "Vic's right ray on the board");
    console.log("whiteboard-vr: rays", JSON.stringify(rays));
    for (const r of rays.filter((x) => x.hand === "left")) expect(r.hit === null || r.hit.startsWith("whiteboard-surface:")).toBe(true);
    await vic.hook(`(otc.xrDevice.controllers.right.updateButtonValue("trigger", 1), true)`);
    await vic.waitFrames(3, FRAMES_MS);
    for (const [x, y] of [[1100, 1900], [1700, 1600], [2300, 2000]] as const) {
      await vic.hook(`otc.whiteboard.aimController(${BOARD}, ${x}, ${y})`);
      await vic.waitFrames(3, FRAMES_MS);
    }
    await waitUntil(() => ada.hook<number>(`otc.whiteboard.liveCount(${BOARD})`), (n) => n === 1, "Ada did not see Vic's live stroke");
    await waitUntil(() => vic.hook<number>(`otc.whiteboard.liveCount(${BOARD})`), (n) => n === 1, "Vic's own stroke never showed live");
    console.log("whiteboard-vr: Ada saw the live stroke");
    await vic.hook(`(otc.xrDevice.controllers.right.updateButtonValue("trigger", 0), true)`);
    await vic.waitFrames(3, FRAMES_MS);
    await waitUntil(() => boardOf(ada), (b) => b.items.length === 1, "Vic's stroke on Ada's board");

    // Ada draws with the mouse on the same board.
    const screen = async (x: number, y: number) => (await ada.hook<[number, number]>(`otc.whiteboard.screenPoint(${BOARD}, ${x}, ${y})`))!;
    const [ax, ay] = await screen(600, 400);
    await ada.page.mouse.move(ax, ay);
    await ada.page.mouse.down();
    for (const [x, y] of [[1200, 700], [1800, 350], [2500, 800]] as const) {
      const [sx, sy] = await screen(x, y);
      await ada.page.mouse.move(sx, sy, { steps: 4 });
    }
    await ada.page.mouse.up();

    const a = await waitUntil(() => boardOf(ada), (b) => b.items.length === 2, "both strokes on Ada's board");
    await waitUntil(async () => JSON.stringify(await boardOf(vic)), (v) => v === JSON.stringify(a), "Vic's board differs from Ada's");
    // the trigger drew; it did not teleport Vic
    const headAfter = await vic.hook<number[]>("otc.localHead()");
    expect(Math.hypot(headAfter[0]! - headBefore[0]!, headAfter[2]! - headBefore[2]!)).toBeLessThan(0.2);
  }, 420_000); // two software-rendered pages, one in immersive mode, on a shared 2-core machine

  it("a third page joining late sees the same board (screenshots saved)", async () => {
    const late = await suite.openPerson("Lou", { ownBrowser: true }); // the late joiner's own browser, as for the others
    await late.join(await suite.server.invite(SESSION));
    const expected = JSON.stringify(await boardOf(ada));
    await waitUntil(async () => JSON.stringify(await boardOf(late)), (v) => v === expected, "late joiner's board");
    await late.hook(`(otc.standAndLook(4.7, -3.6, [4.7, 1.5, -5.95]), true)`);
    await vic.hook(`otc.whiteboard.aimController(${BOARD}, 2000, 1200, 1.2)`);
    for (const p of [ada, vic, late]) await p.waitFrames(5, FRAMES_MS);
    console.log("whiteboard-vr: rays for the headset shot", JSON.stringify(await raysOf(vic)));
    await ada.shot("whiteboard-vr-desktop.png");
    await vic.shot("whiteboard-vr-headset.png");
    await late.shot("whiteboard-vr-late.png");
  }, 300_000);
});
