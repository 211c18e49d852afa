// Doors in VR: time from standing long enough in a doorway (the `portal.use` the client sends) to the
// next room's first frame, for a person in an emulated Quest 3 (IWER) walking lobby ↔ classroom
// through the same page and XR session (loopback, SwiftShader). Each switch: join the next session
// beside this one, load its room file, build the scene, hand voice over, leave the old room.
import type { RoomLayout } from "@otc/contract";
import type { Page } from "playwright-core";
import { launchChromium, openWatchedPage, waitForPage } from "@otc/tests/harness/chromium.ts";
import { joinFromDesktop } from "@otc/tests/harness/client-page.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";
import { inDoorway, walkHeadTo } from "@otc/tests/harness/vr-walk.ts";

export interface DoorSwitch {
  switches: number;
  /** Doorway trigger → next room's first frame, ms. */
  ms: { median: number; min: number; max: number };
  /** Of which, from the doorway trigger: the server's answer (where the door leads), the next room's first state, the next session built (room file, voice). */
  answerMs: { median: number };
  connectedMs: { median: number };
  joinMs: { median: number };
  /** The XR session was the same object after every switch. */
  sameXrSession: boolean;
}

interface SwitchRecord {
  from: string;
  to: string;
  startedAt: number;
  askedAt: number;
  connectedAt: number;
  joinedAt: number;
  firstFrameAt: number | null;
}

const ev = <T>(page: Page, body: string) => page.evaluate(body) as Promise<T>;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function doorSwitch(switches = 5): Promise<DoorSwitch> {
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const { page } = await openWatchedPage(browser);
    await joinFromDesktop(page, server.url, await server.invite("door-bench", "participant", "lobby"), "Walker", "xr=emulate");
    await page.getByRole("button", { name: "Enter VR" }).click({ timeout: 120_000 });
    await waitForPage(page, "window.__otc.xrStore.getState().session?.inputSources?.length === 2", 60_000, "an immersive session");
    await ev(page, "(window.__xrBefore = window.__otc.xrStore.getState().session, true)");
    let sameXrSession = true;
    for (let n = 1; n <= switches; n++) {
      const layout = await ev<RoomLayout>(page, "window.__otc.layout()");
      const door = layout.portals.find((p) => p.to === (layout.id === "lobby" ? "classroom" : "lobby"))!;
      const [x, z] = inDoorway(door);
      await walkHeadTo(page, x, z);
      await waitForPage(page, `window.__otc.roomSwitches().length === ${n} && window.__otc.roomSwitches()[${n - 1}].firstFrameAt !== null && window.__otc.status === "connected"`, 120_000, `switch ${n}`);
      sameXrSession &&= await ev<boolean>(page, "window.__otc.xrStore.getState().session === window.__xrBefore");
    }
    const records = await ev<SwitchRecord[]>(page, "window.__otc.roomSwitches()");
    const total = records.map((r) => r.firstFrameAt! - r.startedAt);
    const join = records.map((r) => r.joinedAt - r.startedAt);
    const answer = records.map((r) => r.askedAt - r.startedAt);
    const connected = records.map((r) => r.connectedAt - r.startedAt);
    return {
      switches,
      ms: { median: Math.round(median(total)), min: Math.round(Math.min(...total)), max: Math.round(Math.max(...total)) },
      answerMs: { median: Math.round(median(answer)) },
      connectedMs: { median: Math.round(median(connected)) },
      joinMs: { median: Math.round(median(join)) },
      sameXrSession,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
