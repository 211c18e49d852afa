// A facilitator brings their own office: uploads a heavy GLB in the console, reads the budget
// report, makes an optimised copy, places a screen and a spawn, saves the room, runs a session in
// it; a participant joins, sees the model as the room, walks up to the screen and teleports in VR.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RoomLayout } from "@otc/contract";
import { canLandAt, obstacleRects } from "@otc/rooms";
import { makeOfficeGlb } from "@otc/server/src/test-support/gltf-fixture.ts";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { resultsDir } from "../harness/paths.js";
import { teleportInVr } from "../harness/vr-teleport.js";

const suite = browserSuite();
const consolePage = suite.person("Console", { viewport: { width: 1100, height: 900 } });
const visitor = suite.person("Visitor", { vr: true });
let participantLink = "";

/** Clicks the anchor editor's plan at floor point (x, z), metres, as a person would with the mouse. */
async function clickPlan(page: Page, x: number, z: number): Promise<void> {
  const plan = page.locator("svg.plan");
  const [bx, by, bw, bh] = (await plan.getAttribute("viewBox"))!.split(" ").map(Number) as [number, number, number, number];
  const box = (await plan.boundingBox())!;
  await plan.click({ position: { x: ((x - bx) / bw) * box.width, y: ((z - by) / bh) * box.height } });
}

describe("importing a custom room", () => {
  it("uploads an over-budget model, reads the report and makes an optimised copy within budget", async () => {
    const { page } = consolePage;
    const glb = await makeOfficeGlb({ sculptureTriangles: 150_000, chairs: 60, textureSize: 4096 });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "otc-glb-")), "Test office.glb");
    writeFileSync(file, glb);
    await page.goto(`${suite.server.url}${await suite.server.signInPath()}`);
    await page.getByRole("heading", { name: "Rooms" }).waitFor({ timeout: 30_000 });
    // Not a GLB by its content: refused with the server's reason.
    await page.getByLabel("Import a 3D model (GLB)").setInputFiles({ name: "notes.glb", mimeType: "model/gltf-binary", buffer: Buffer.from("just some text, not a model") });
    await page.getByRole("alert").filter({ hasText: "Could not import notes.glb" }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Import a 3D model (GLB)").setInputFiles(file);
    const verdicts = page.getByTestId("budget-verdict");
    await verdicts.first().waitFor({ timeout: 120_000 });
    expect(await verdicts.first().textContent()).toBe("Over the Quest budget");
    const triangles = page.getByRole("row", { name: /^Triangles/ }).first();
    expect(await triangles.textContent()).toMatch(/\d{3},\d{3} triangles.*100,000 triangles.*over/);
    await consolePage.shot("room-import-report.png", { fullPage: true });

    await page.getByRole("button", { name: "Make an optimised copy" }).click();
    await expect.poll(() => verdicts.count(), { timeout: 170_000 }).toBe(2);
    expect(await verdicts.nth(1).textContent()).toBe("Within the Quest budget");
  });

  it("places a screen and a spawn on the plan, saves the room and creates a session in it", async () => {
    const { page } = consolePage;
    await page.getByRole("button", { name: "Place anchors on the optimised copy" }).click();
    await page.getByLabel(/^Room id/).fill("test-office");
    await page.getByLabel("Room name").fill("Test office");
    const size = (await page.locator("svg.plan").getAttribute("aria-label"))!.match(/([\d.]+) by ([\d.]+) metres/)!;
    const depth = Number(size[2]);
    // The plan shows the model from above, cut below the ceiling.
    await page.locator("svg.plan image").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Screen", exact: true }).click();
    await clickPlan(page, 0, -depth / 2 + 0.8); // near the back wall: it hangs on it
    await page.getByRole("button", { name: "Spawn", exact: true }).click();
    await clickPlan(page, 0.5, 1);
    expect(await page.getByText("Screen screen-1", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("Spawn 2", { exact: true }).isVisible()).toBe(true);
    // The organisation's logo: a picture, hung on the back wall beside the screen.
    await page.getByRole("button", { name: "Logo", exact: true }).click();
    await clickPlan(page, 3.5, -depth / 2 + 1);
    const dataUrl = await page.evaluate<string>(
      `(() => { const c = document.createElement("canvas"); c.width = c.height = 128; const g = c.getContext("2d"); g.fillStyle = "#c0392b"; g.fillRect(0, 0, 128, 128); g.fillStyle = "#fff"; g.font = "bold 52px sans-serif"; g.fillText("OTC", 10, 82); return c.toDataURL("image/png"); })()`,
    );
    await page.getByLabel("Logo picture (PNG or JPEG)").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from(dataUrl.split(",")[1]!, "base64") });
    await page.getByRole("button", { name: "Use the text logo instead" }).waitFor({ timeout: 30_000 });
    // A board placed by mistake, taken back with Ctrl+Z.
    await page.getByRole("button", { name: "Whiteboard", exact: true }).click();
    await clickPlan(page, 2, 0);
    expect(await page.getByText("Whiteboard board-1", { exact: true }).count()).toBe(1);
    await page.keyboard.press("Control+z");
    expect(await page.getByText("Whiteboard board-1", { exact: true }).count()).toBe(0);
    // A spawn moved into the wall: the editor and then the server name the problem by its path.
    await page.locator("[data-item='spawns-1']").getByLabel("x (m)").fill("20");
    await page.getByRole("button", { name: "Save room" }).click();
    const refusal = page.getByRole("alert", { name: "The server refused the room" });
    await refusal.getByText("spawns.1.position: not on free walkable floor").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Undo" }).click();
    expect(await page.locator("[data-item='spawns-1']").getByLabel("x (m)").inputValue()).toBe("0.5");
    await page.getByRole("button", { name: "Save room" }).click();
    await page.getByRole("status").filter({ hasText: 'Saved "Test office"' }).waitFor({ timeout: 30_000 });
    await consolePage.shot("room-import-editor.png", { fullPage: true });
    await expect.poll(() => page.locator("[data-room='test-office']").count(), { timeout: 15_000 }).toBe(1);

    // Export it as an archive, bring the archive back in, and open the room again in the editor.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-room='test-office']").getByRole("link", { name: "Export" }).click()]);
    expect(download.suggestedFilename()).toBe("test-office.otc-room.zip");
    const archive = path.join(mkdtempSync(path.join(tmpdir(), "otc-zip-")), "test-office.otc-room.zip");
    await download.saveAs(archive);
    await page.getByLabel(/^Import an archive/).setInputFiles(archive);
    await page.getByRole("status").filter({ hasText: 'Imported "Test office"' }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Edit Test office" }).click();
    await page.getByText("Screen screen-1", { exact: true }).waitFor({ timeout: 15_000 });
    expect(await page.getByText("Spawn 2", { exact: true }).count()).toBe(1);

    // Unsaved work survives a reload: a board placed, the page reloaded, the room opened again, and restored.
    await page.getByRole("button", { name: "Whiteboard", exact: true }).click();
    await clickPlan(page, 2, 0);
    await page.getByText("Whiteboard board-1", { exact: true }).waitFor({ timeout: 15_000 });
    await page.reload();
    await page.getByRole("button", { name: "Edit Test office" }).click({ timeout: 30_000 });
    await page.getByRole("status").filter({ hasText: "Unsaved changes to this room" }).waitFor({ timeout: 15_000 });
    expect(await page.getByText("Whiteboard board-1", { exact: true }).count()).toBe(0);
    await consolePage.shot("room-import-draft-offer.png", { fullPage: true });
    await page.getByRole("button", { name: "Restore them" }).click();
    await page.getByText("Whiteboard board-1", { exact: true }).waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Undo" }).click();
    expect(await page.getByText("Whiteboard board-1", { exact: true }).count()).toBe(0);

    await page.getByLabel("Room", { exact: true }).selectOption("test-office");
    await page.getByLabel("Title").fill("Our office");
    await page.getByRole("button", { name: "Create session" }).click();
    await page.getByRole("heading", { name: "Our office" }).waitFor();
    participantLink = await page.getByLabel("Participant link").inputValue();
    // The session's own welcome banner over the room (the room file has none: it hangs above the screen).
    await page.getByLabel("Welcome banner").fill("Welcome to our office");
    await page.getByRole("button", { name: "Save brand" }).click();
    await page.getByRole("status").filter({ hasText: "Brand saved" }).waitFor({ timeout: 15_000 });
  });

  it("a participant joins and sees the model as the room, walks to the screen and teleports in VR", async () => {
    const { page } = visitor;
    await visitor.join(participantLink);
    const room = await visitor.hook<RoomLayout>("otc.layout()");
    expect(room.id).toBe("test-office");
    expect(room.environment?.model).toMatch(/^imported\/[a-f0-9]{32}\.glb$/);
    expect(room.brand?.banner?.text).toBe("Welcome to our office");
    type Env = { meshes: number; inScene: boolean; notice: string | null };
    await expect.poll(() => visitor.hook<Env>("otc.environment()").then((e) => e.inScene), { timeout: 30_000 }).toBe(true);
    const env = await visitor.hook<Env>("otc.environment()");
    expect(env.notice).toBeNull();
    expect(env.meshes).toBeGreaterThanOrEqual(2); // the optimised copy merges the chairs: floor, walls, chairs, sculpture
    await visitor.waitFrames(3);
    // The model is what is drawn: far more triangles than the bare floor and fixtures.
    expect((await visitor.hook<{ triangles: number }>("otc.renderInfo()")).triangles).toBeGreaterThan(5_000);
    await visitor.shot("room-import-joined.png");
    // From a back corner, the whole office: walls, chairs and the sculpture, standing on the floor.
    await visitor.hook(`otc.standAndLook(${room.walkable.maxX - 0.3}, ${room.walkable.maxZ - 0.3}, [0, 0.8, 0])`);
    await visitor.waitFrames(3);
    await visitor.shot("room-import-overview.png");
    // A click on the model's floor walks there: the unseen floor of the room file takes the click.
    const corner = await visitor.hook<number[]>("otc.localHead()");
    await page.mouse.click(560, 320);
    await visitor.waitFor(`Math.hypot(window.__otc.localHead()[0] - ${corner[0]}, window.__otc.localHead()[2] - ${corner[2]}) > 1`, "a click on the model's floor to walk there", 60_000);

    // The logo picture comes from our own server and hangs on the wall.
    const logoImage = room.brand?.logoImage;
    expect(logoImage).toMatch(/^uploads\/brand\/[a-f0-9]{32}\.png$/);
    const fetched = () => page.evaluate((name) => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(`/assets/${name}`)).map((e) => (e as PerformanceResourceTiming).responseStatus), logoImage);
    await expect.poll(fetched, { timeout: 30_000 }).toContain(200);
    const logo = room.logo.position;
    await visitor.hook(`otc.standAndLook(${logo[0] - 1}, ${logo[2] + 3.5}, [${logo[0]}, ${logo[1] - 0.4}, ${logo[2]}])`);
    await visitor.waitFrames(3);
    await visitor.shot("room-import-logo.png");

    const screen = room.screens[0]!;
    const target: [number, number] = [screen.position[0], screen.position[2] + 1.6];
    await visitor.hook(`otc.walkTo(${target[0]}, ${target[1]})`);
    await visitor.waitFor(`Math.hypot(window.__otc.localHead()[0] - ${target[0]}, window.__otc.localHead()[2] - ${target[1]}) < 0.3`, "to walk up to the screen", 90_000);
    await visitor.hook(`otc.standAndLook(${target[0]}, ${target[1]}, [${screen.position.join(", ")}])`);
    await visitor.waitFrames(3);
    await visitor.shot("room-import-at-screen.png");

    // VR: aim the right controller 25° down toward the room's middle (+z from the screen), and teleport.
    const obstacles = obstacleRects(room);
    const { start, landed } = await teleportInVr(visitor, 180, path.join(resultsDir, "room-import-vr.png")); // toward the room's middle (+z from the screen)
    expect(canLandAt(landed[0]!, landed[2]!, room.walkable, obstacles)).toBe(true);
    expect(landed[2]!).toBeGreaterThan(start[2]!);
  });

  it("a brand changed in the console shows in the room at once, without a reload and without leaving VR", async () => {
    const { page } = visitor;
    await page.evaluate(() => Object.assign(window, { __samePage: true }));
    expect(await visitor.hook<boolean>("otc.xrStore.getState().session !== null")).toBe(true);
    await consolePage.page.getByLabel("Welcome banner").fill("Coffee at 11:00 in the lobby");
    await consolePage.page.getByRole("button", { name: "Save brand" }).click();
    await expect.poll(() => visitor.hook<string | undefined>("otc.layout().brand?.banner?.text"), { timeout: 30_000 }).toBe("Coffee at 11:00 in the lobby");
    expect(await page.evaluate(() => (window as { __samePage?: boolean }).__samePage)).toBe(true);
    expect(await visitor.hook<boolean>("otc.xrStore.getState().session !== null")).toBe(true);
    const room = await visitor.hook<RoomLayout>("otc.layout()");
    const banner = room.brand!.banner!;
    await visitor.hook(`otc.standAndLook(${banner.position[0]}, ${banner.position[2] + 4}, [${banner.position.join(", ")}])`);
    await visitor.waitFrames(3);
    await visitor.shot("room-import-banner-changed.png");
  });

  it("a participant whose model cannot be loaded gets the default room and a notice, not a black screen", async () => {
    const late = await suite.openPerson("Late");
    await late.page.route("**/assets/imported/*.glb", (r) => r.fulfill({ status: 404, body: "gone" }));
    await late.join(participantLink);
    expect((await late.hook<RoomLayout>("otc.layout()")).id).toBe("training-room"); // the join waits for the room to load
    const env = await late.hook<{ notice: string | null }>("otc.environment()");
    expect(env.notice).toMatch(/3D model.*HTTP 404.*Showing the default room instead/);
    await late.page.getByText(/Showing the default room instead/).first().waitFor({ timeout: 15_000 });
    await late.waitFrames(3);
    await late.shot("room-import-fallback.png");
    await late.close();
  });
});
