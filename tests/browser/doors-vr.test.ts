// Doors keep you in VR: a person in an emulated Quest 3 (IWER), talking with a fake microphone,
// walks into the lobby's Classroom doorway and arrives in the training's classroom in the same
// page: the same XRSession object (never ended, no second Enter VR), the same microphone track,
// voice up with the person already in the classroom (RTP both ways), standing at the classroom's
// door back to the lobby, facing into the room, and seen there by that person.
import path from "node:path";
import type { RoomLayout } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { avatarOf } from "../harness/client-page.js";
import { resultsDir } from "../harness/paths.js";
import { sharpShot } from "../harness/xr-render-size.js";
import { voicePeers } from "../harness/voice-page.js";
import { inDoorway, walkHeadTo } from "../harness/vr-walk.js";
import { waitUntil } from "../harness/wait.js";

/** Generous, because an immersive software-rendered page can stall for long on a busy machine. */
const FRAMES_MS = 120_000;
const ARRIVAL = 1.8; // metres in front of the door back (portals/arrival.ts)

const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader/i } });
// A browser each: pages of one browser share its GPU process, and the immersive page starved.
const vic = suite.person("Vic", { vr: true, voice: true, ownBrowser: true });
const ada = suite.person("Ada", { voice: true, ownBrowser: true });

describe("a door in VR", () => {
  it("switches rooms inside the XR session: same session object, same microphone, voice with the new room, at the arrival point", async () => {
    await vic.join(await suite.server.invite("vr-day", "participant", "lobby"));
    // Ada waits in the classroom session the lobby's door leads to.
    await ada.join(await suite.server.invite("vr-day-classroom", "participant", "classroom"));
    await vic.enterVr();
    await vic.waitFor(`window.__otc.voice.mic === "live" && window.__otc.voice.micTrackId !== ""`, "a live microphone", 60_000);
    // Remember what must survive the switch: the XRSession object itself, and the mic track.
    const micBefore = await vic.page.evaluate(() => {
      const w = window as unknown as { __otc: { xrStore: { getState(): { session: object | null } }; voice: { micTrackId: string } }; xrBefore?: object | null };
      w.xrBefore = w.__otc.xrStore.getState().session;
      return w.__otc.voice.micTrackId;
    });
    let xrEnded = 0;
    await vic.page.exposeFunction("xrEndedSeen", () => void xrEnded++);
    await vic.page.evaluate(() => {
      const w = window as unknown as { xrBefore: EventTarget; xrEndedSeen(): void };
      w.xrBefore.addEventListener("end", () => w.xrEndedSeen());
    });

    // Vic walks (the headset moves in the play space) into the Classroom doorway and stands there.
    const lobby = await vic.hook<RoomLayout>("otc.layout()");
    const [tx, tz] = inDoorway(lobby.portals.find((p) => p.id === "to-classroom")!);
    await walkHeadTo(vic, tx, tz);
    // Arrived, or told why not (a refused or timed-out join leaves Vic in the lobby with a notice).
    await vic.waitFor(`(window.__otc.sessionId === "vr-day-classroom" && window.__otc.status === "connected") || /^Could not go/.test(window.__otc.environment().notice ?? "")`, "Vic to arrive in the classroom", FRAMES_MS);
    expect((await vic.hook<string | null>("otc.environment().notice")) ?? "", "the switch failed").not.toMatch(/^Could not go/);
    expect(await vic.hook<string>("otc.sessionId")).toBe("vr-day-classroom");

    // Still in VR, in the very same XR session.
    expect(await vic.page.evaluate(() => {
      const w = window as unknown as { __otc: { xrStore: { getState(): { session: object | null } } }; xrBefore?: object | null };
      return w.__otc.xrStore.getState().session !== null && w.__otc.xrStore.getState().session === w.xrBefore;
    })).toBe(true);
    expect(xrEnded).toBe(0);
    await expect.poll(() => vic.page.getByRole("button", { name: "Exit VR" }).count()).toBe(1);
    const switches = await vic.hook<Array<{ from: string; to: string }>>("otc.roomSwitches()");
    expect(switches.map((s) => `${s.from}→${s.to}`)).toEqual(["vr-day→vr-day-classroom"]);
    expect(vic.page.url()).toMatch(/\/s\/vr-day-classroom\?k=.*xr=emulate/);

    // Standing at the arrival point: in front of the classroom's door back to the lobby, facing into the room.
    const classroom = await vic.hook<RoomLayout>("otc.layout()");
    expect(classroom.id).toBe("classroom");
    const back = classroom.portals.find((p) => p.to === "lobby")!;
    const spot = [back.position[0]! + Math.sin((back.yawDeg * Math.PI) / 180) * ARRIVAL, back.position[2]! + Math.cos((back.yawDeg * Math.PI) / 180) * ARRIVAL];
    await vic.waitFrames(3, FRAMES_MS);
    const head = await vic.hook<number[]>("otc.localHead()");
    expect(Math.hypot(head[0]! - spot[0]!, head[2]! - spot[1]!)).toBeLessThan(0.1);

    // Ada, in the classroom, sees Vic there, in VR.
    const vicId = await vic.hook<string>("otc.selfId");
    await waitUntil(() => ada.hook<Array<{ id: string; device: string }>>("otc.participants()"), (ps) => ps.some((p) => p.id === vicId && p.device === "vr"), "Ada does not see Vic in VR");
    const seen = await waitUntil(() => avatarOf(ada, "Vic"), (a) => a !== undefined && Math.hypot(a.head[0]! - spot[0]!, a.head[2]! - spot[1]!) < 0.3, "Ada does not see Vic's avatar at the door", FRAMES_MS);
    expect(seen).toBeDefined();

    // The same microphone track (no second getUserMedia), and voice up with the new room both ways.
    expect(await vic.hook<string>("otc.voice.micTrackId")).toBe(micBefore);
    expect(await vic.hook<string>("otc.voice.mic")).toBe("live");
    const adaId = await ada.hook<string>("otc.selfId");
    await waitUntil(() => voicePeers(ada), (ps) => ps.some((p) => p.id === vicId && p.packetsReceived > 25), "Ada receives no audio from Vic", 60_000);
    await waitUntil(() => voicePeers(vic), (ps) => ps.some((p) => p.id === adaId && p.packetsReceived > 25), "Vic receives no audio from Ada", 60_000);

    // Screenshots: what Vic sees on arrival (the classroom), and Ada's view of Vic at the door.
    await ada.hook(`(otc.standAndLook(${spot[0]! - 2}, ${spot[1]! - 3}, [${spot[0]}, 1.4, ${spot[1]}]), true)`);
    await ada.waitFrames(3, FRAMES_MS);
    // An immersive software-rendered page can take long to capture on a loaded machine.
    await sharpShot(vic.page, path.join(resultsDir, "door-vr-arrived.png"), { timeout: 120_000 });
    await ada.page.screenshot({ path: path.join(resultsDir, "door-vr-seen.png"), timeout: 120_000 });
  }, 600_000);
});
