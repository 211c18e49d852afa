// Doors between rooms, as a person uses them: from the lobby, click the "Classroom" door, land on
// the training's classroom session (joined without asking again), and take the classroom's door back to the lobby.
import path from "node:path";
import type { RoomLayout } from "@otc/contract";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openWatchedPage, waitForPage } from "../harness/chromium.js";
import { hook, joinFromDesktop, waitFrames } from "../harness/client-page.js";
import { resultsDir } from "../harness/paths.js";
import { startTestServer, type TestServer } from "../harness/test-server.js";

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const DEG = Math.PI / 180;

describe("doors between rooms", () => {
  it("the lobby's Classroom door (clicked) leads to the training's classroom, and its Lobby door (walked into) back", async () => {
    const watched = await openWatchedPage(browser);
    const { page } = watched;
    await joinFromDesktop(page, server.url, await server.invite("welcome-day", "participant", "lobby"), "Visitor");

    /** Stands 3 m in front of a door, looks at its middle, and clicks the centre of the view. */
    const clickDoor = async (id: string, shot: string) => {
      const room = await hook<RoomLayout>(page, "otc.layout()");
      const door = room.portals.find((p) => p.id === id)!;
      const [x, , z] = door.position;
      // A door faces +z turned by its yaw: stand along that direction.
      const sx = x + Math.sin(door.yawDeg * DEG) * 3;
      const sz = z + Math.cos(door.yawDeg * DEG) * 3;
      await hook(page, `otc.standAndLook(${sx}, ${sz}, [${x}, 1.4, ${z}])`);
      await waitFrames(page, 3);
      await page.screenshot({ path: path.join(resultsDir, shot) });
      const size = page.viewportSize()!;
      await page.mouse.click(size.width / 2, size.height / 2);
    };

    /** Through a door the next room joins by itself (no Join click), as the same person, still muted. */
    const arrivedAs = async (roomId: string) => {
      await waitForPage(page, `window.__otc && window.__otc.status === "connected" && window.__otc.selfId !== ""`, 120_000);
      expect((await hook<RoomLayout>(page, "otc.layout()")).id).toBe(roomId);
      const selfId = await hook<string>(page, "otc.selfId");
      const me = (await hook<Array<{ id: string; name: string }>>(page, "otc.participants()")).find((p) => p.id === selfId);
      expect(me?.name).toBe("Visitor");
      await expect.poll(() => hook<boolean>(page, "otc.voice.muted"), { timeout: 30_000 }).toBe(true);
    };

    await page.keyboard.press("m"); // muted in the lobby: muted in every room the door leads to
    await waitForPage(page, "window.__otc.voice.muted === true");
    await clickDoor("to-classroom", "door-lobby.png");
    await page.waitForURL(/\/s\/welcome-day-classroom\?k=/, { timeout: 60_000 });
    await arrivedAs("classroom");

    // The classroom's door by walking into its doorway (what a VR teleport there does too).
    const classroom = await hook<RoomLayout>(page, "otc.layout()");
    const back = classroom.portals.find((p) => p.id === "to-lobby")!;
    await hook(page, `otc.standAndLook(${back.position[0]}, ${back.position[2] - 1.3}, [${back.position[0]}, 1.4, ${back.position[2]}])`);
    await waitFrames(page, 3);
    await page.screenshot({ path: path.join(resultsDir, "door-classroom.png") });
    await hook(page, `otc.walkTo(${back.position[0]}, ${classroom.walkable.maxZ})`);
    await page.waitForURL(/\/s\/welcome-day\?k=/, { timeout: 60_000 });
    await arrivedAs("lobby");
    expect(watched.blocked).toEqual([]);
    await page.close();
  });
});
