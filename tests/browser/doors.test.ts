// Doors between rooms, as a person uses them: from the lobby, click the "Classroom" door, land in
// the training's classroom session in the same page (no page load, no Join again, the address bar
// follows), standing at the classroom's door back; take that door back to the lobby; Back returns.
import type { RoomLayout } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";

const ADMIN = "doors-admin"; // the console API's bearer secret, to end a session
const suite = browserSuite({ server: { adminSecret: ADMIN } });
const visitor = suite.person("Visitor");

const DEG = Math.PI / 180;

describe("doors between rooms", () => {
  it("the lobby's Classroom door (clicked) leads to the training's classroom, and its Lobby door (walked into) back", async () => {
    const { page } = visitor;
    await visitor.join(await suite.server.invite("welcome-day", "participant", "lobby"));

    /** Stands 3 m in front of a door, looks at its middle, and clicks the centre of the view. */
    const clickDoor = async (id: string, shot: string) => {
      const room = await visitor.hook<RoomLayout>("otc.layout()");
      const door = room.portals.find((p) => p.id === id)!;
      const [x, , z] = door.position;
      // A door faces +z turned by its yaw: stand along that direction.
      const sx = x + Math.sin(door.yawDeg * DEG) * 3;
      const sz = z + Math.cos(door.yawDeg * DEG) * 3;
      await visitor.hook(`otc.standAndLook(${sx}, ${sz}, [${x}, 1.4, ${z}])`);
      await visitor.waitFrames(3);
      await visitor.shot(shot);
      const size = page.viewportSize()!;
      await page.mouse.click(size.width / 2, size.height / 2);
    };

    /** Through a door the next room is joined in place (no page load, no Join click), as the same person, still muted, standing at the door back. */
    const arrivedAs = async (sessionId: string, roomId: string, cameFrom: string) => {
      await visitor.waitFor(`window.__otc.sessionId === ${JSON.stringify(sessionId)} && window.__otc.status === "connected"`, `to arrive in ${sessionId} through the door`, 120_000);
      expect(await page.evaluate(() => (window as { samePage?: boolean }).samePage)).toBe(true);
      const layout = await visitor.hook<RoomLayout>("otc.layout()");
      expect(layout.id).toBe(roomId);
      const back = layout.portals.find((p) => p.to === cameFrom)!;
      const head = await visitor.hook<number[]>("otc.localHead()");
      // 1.8 m in front of the door that leads back
      expect(Math.hypot(head[0]! - back.position[0]!, head[2]! - back.position[2]!)).toBeCloseTo(1.8, 1);
      const selfId = await visitor.hook<string>("otc.selfId");
      const me = (await visitor.hook<Array<{ id: string; name: string }>>("otc.participants()")).find((p) => p.id === selfId);
      expect(me?.name).toBe("Visitor");
      await expect.poll(() => visitor.hook<boolean>("otc.voice.muted"), { timeout: 30_000 }).toBe(true);
    };

    await page.evaluate(() => ((window as { samePage?: boolean }).samePage = true)); // a page load would lose it
    await page.keyboard.press("m"); // muted in the lobby: muted in every room the door leads to
    await visitor.waitFor("window.__otc.voice.muted === true", "muted after pressing M");
    await clickDoor("to-classroom", "door-lobby.png");
    await arrivedAs("welcome-day-classroom", "classroom", "lobby");
    expect(page.url()).toMatch(/\/s\/welcome-day-classroom\?k=.*testhooks=1/); // a reload lands here
    await visitor.waitFrames(3);
    await visitor.shot("door-arrived-classroom.png");

    // The classroom's door by walking into its doorway (what a VR teleport there does too).
    const classroom = await visitor.hook<RoomLayout>("otc.layout()");
    const back = classroom.portals.find((p) => p.id === "to-lobby")!;
    await visitor.hook(`otc.standAndLook(${back.position[0]}, ${back.position[2] - 1.3}, [${back.position[0]}, 1.4, ${back.position[2]}])`);
    await visitor.waitFrames(3);
    await visitor.shot("door-classroom.png");
    await visitor.hook(`otc.walkTo(${back.position[0]}, ${classroom.walkable.maxZ})`);
    await arrivedAs("welcome-day", "lobby", "classroom");
    expect(page.url()).toMatch(/\/s\/welcome-day\?k=/);

    // Back: the address before the last door, and the page follows in place.
    await page.goBack();
    await arrivedAs("welcome-day-classroom", "classroom", "lobby");

    // The lobby session ends meanwhile; Forward would go back there: the join is refused, and the
    // visitor stays in the classroom, told why, with the address bar naming the classroom again.
    const ended = await fetch(`${suite.server.url}/api/sessions/welcome-day/end`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` }, body: "{}" });
    expect(ended.ok).toBe(true);
    await page.goForward();
    const notice = page.getByRole("alert").filter({ hasText: /Could not go to .*: .*ended/ });
    await notice.waitFor({ timeout: 60_000 });
    await visitor.shot("door-refused.png");
    expect(await visitor.hook<string>("otc.sessionId")).toBe("welcome-day-classroom");
    expect(await visitor.hook<string>("otc.status")).toBe("connected");
    expect(page.url()).toMatch(/\/s\/welcome-day-classroom\?k=/);
    expect(await page.evaluate(() => (window as { samePage?: boolean }).samePage)).toBe(true);
  }, 420_000); // four switches and three software-rendered rooms on a shared 2-core machine
});
