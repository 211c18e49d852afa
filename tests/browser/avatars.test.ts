// Avatars as people see them: Ada on a desktop (a facilitator), Ben in an emulated Quest 3 (IWER),
// later Cleo with her own VRM. Each assertion reads what the other page draws (test hooks), and the
// screenshots in test-results/avatar-*.png show it.
import { matchMaker } from "@colyseus/core";
import { buildTestVrm } from "@otc/avatars";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";
import { avatarOf as drawnAvatar, type PageLike } from "../harness/client-page.js";
import { waitUntil } from "../harness/wait.js";

type V3 = [number, number, number];
interface Avatar {
  id: string;
  head: V3;
  right: V3 | null;
  arms: { left: [V3, V3, V3]; right: [V3, V3, V3] };
  cues: { speaking: boolean; muted: boolean; handRaised: boolean; away: boolean; mouth: number };
  model: string;
}
const SESSION = "e2e-avatars";
const dist = (a: V3, b: V3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

const suite = browserSuite({ pageErrors: { ignore: /WebGL|GPU stall|swiftshader/i } });
// Low power (no shadows or multisampling; the avatars are drawn the same), and Ben's headset in a
// Chromium of its own: two software-rendered rooms in one GPU process starved a page for 40 s under load.
const ada = suite.person("Ada", { lowPower: true });
const ben = suite.person("Ben", { vr: true, lowPower: true, ownBrowser: true });
const avatarOf = (p: PageLike, name: string) => drawnAvatar<Avatar>(p, name);

/** Turns Ben's emulated headset so that, in the world, he faces `target`. */
async function benFaces(target: V3): Promise<void> {
  await ben.hook(`(() => {
    const head = otc.localHead(), [x, y, z, w] = otc.localHeadRotation(), d = otc.xrDevice.quaternion;
    const worldYaw = Math.atan2(2 * (w * y + x * z), 1 - 2 * (y * y + x * x));
    const deviceYaw = Math.atan2(2 * (d.w * d.y + d.x * d.z), 1 - 2 * (d.y * d.y + d.x * d.x));
    const want = Math.atan2(-(${target[0]} - head[0]), -(${target[2]} - head[2])) - (worldYaw - deviceYaw);
    d.set(0, Math.sin(want / 2), 0, Math.cos(want / 2));
    return true; })()`);
}

describe("avatars people recognise", () => {
  it("a VR user raises the right controller and the desktop user sees that hand and the arm follow", async () => {
    const invite = await suite.server.invite(SESSION);
    await ada.join(invite, { colour: "#e4572e" });
    await ben.join(invite, { colour: "#7b2cbf" });
    // Roles come from signed links (another feature); here the server state is set directly.
    const [listing] = await matchMaker.query({ name: "training" });
    const room = matchMaker.getLocalRoomById(listing!.roomId) as unknown as { state: { participants: Map<string, { name: string; role: string }> } };
    for (const p of room.state.participants.values()) if (p.name === "Ada") p.role = "facilitator";
    await ben.enterVr();

    const before = await waitUntil(() => avatarOf(ada, "Ben"), (a) => a?.right != null, "Ada never saw Ben's right hand");
    await ben.hook(`(otc.xrDevice.controllers.right.position.set(0.22, 1.9, -0.15), true)`);
    const raised = await waitUntil(() => avatarOf(ada, "Ben"), (a) => a !== undefined && a.right![1] > a.head[1] + 0.2, "Ben's raised controller did not reach Ada");
    const [shoulder, elbow, hand] = raised!.arms.right;
    expect(dist(hand, raised!.right!)).toBeLessThan(0.05); // the drawn hand is where the controller is
    const upper = dist(shoulder, elbow);
    expect(upper).toBeGreaterThanOrEqual(0.299); // the avatar's upper arm, stretched at most 30% for a long reach
    expect(upper).toBeLessThanOrEqual(0.39);
    expect(elbow[1]).toBeGreaterThan(shoulder[1]); // the arm follows up: elbow above the shoulder
    expect(elbow[1]).toBeLessThan(hand[1]);
    expect(raised!.arms.right[1][1]).toBeGreaterThan(before!.arms.right[1][1] + 0.2);

    await ada.hook(`(otc.standAndLook(1.2, 1.2, [${raised!.head[0]}, 1.35, ${raised!.head[2]}]), true)`);
    await waitUntil(() => avatarOf(ben, "Ada"), (a) => a !== undefined && Math.abs(a.head[2] - 1.2) < 0.05, "Ben did not see Ada move");
    await ada.waitFrames(8);
    await ada.shot("avatar-desktop-sees-vr-arm.png");
  });

  it("a raised hand and a reaction are seen by the other person", async () => {
    await ada.page.getByRole("button", { name: "Raise hand" }).click({ timeout: 90_000 });
    const adaSeen = await waitUntil(() => avatarOf(ben, "Ada"), (a) => a?.cues.handRaised === true, "Ben did not see Ada's raised hand");
    expect(adaSeen!.arms.right[2][1]).toBeGreaterThan(adaSeen!.head[1] + 0.2); // the hand is up above the head
    await expect.poll(() => ada.page.getByRole("button", { name: "Lower hand" }).getAttribute("aria-pressed")).toBe("true");

    await benFaces(adaSeen!.head);
    await ada.page.getByRole("button", { name: "React: heart" }).click({ timeout: 90_000 });
    const adaId = await ada.hook<string>("otc.selfId");
    await waitUntil(() => ben.hook<Array<{ id: string; reaction: string }>>("otc.reactionsSeen()"), (r) => r.some((x) => x.id === adaId && x.reaction === "heart"), "Ben saw no reaction");
    await ben.waitFrames(3); // a reaction floats for 2.6 s
    await ben.shot("avatar-vr-sees-hand-and-reaction.png");
  });

  it("speaking, muted and away cues show on the avatar", async () => {
    const benId = await ben.hook<string>("otc.selfId");
    await ada.page.getByRole("button", { name: "Lower hand" }).click({ timeout: 90_000 });
    // The voice feature will feed these levels; the test hook stands in for it on Ada's page.
    await ada.hook(`(otc.setVoice(${JSON.stringify(benId)}, 0.7, false), true)`);
    await waitUntil(() => avatarOf(ada, "Ben"), (a) => a?.cues.speaking === true && a.cues.mouth > 0.5, "no speaking cue with an open mouth on Ben");
    await ada.waitFrames(4);
    await ada.shot("avatar-desktop-sees-speaking.png");
    await ada.hook(`(otc.setVoice(${JSON.stringify(benId)}, 0, true), true)`);
    await waitUntil(() => avatarOf(ada, "Ben"), (a) => a?.cues.muted === true && !a.cues.speaking, "no muted cue on Ben");
    // Ben's page is hidden (as when a tab is switched away; a headset taken off hides the XR session)
    await ben.page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await waitUntil(() => avatarOf(ada, "Ben"), (a) => a?.cues.away === true, "Ben not shown away");
    await ada.waitFrames(4);
    await ada.shot("avatar-desktop-sees-muted-away.png");
    await ben.page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await waitUntil(() => avatarOf(ada, "Ben"), (a) => a?.cues.away === false, "Ben still away");
  });

  it("a VRM uploaded on the join screen is seen by the others, the default avatar standing in until it loads", async () => {
    // Her own Chromium, low power: in Ada's browser her join screen's 3D preview shared one starved GPU
    // process with Ada's room, and on CI (stop 36) her page did not show the upload's result within 30 s.
    const cleo = await suite.openPerson("Cleo", { lowPower: true, ownBrowser: true });
    await cleo.goto(await suite.server.invite(SESSION));
    await cleo.page.getByLabel("Display name").fill("Cleo", { timeout: 90_000 });
    await cleo.page.getByLabel("Upload avatar model").setInputFiles({ name: "cleo.vrm", mimeType: "application/octet-stream", buffer: Buffer.from(buildTestVrm({ name: "Cleo" })) });
    // What the join screen's status lines say ("Uploading…", then the result or an error), read until the result shows.
    const statusLines = () => cleo.page.evaluate(() => [...document.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? ""));
    await waitUntil(statusLines, (lines) => lines.some((l) => /Using cleo\.vrm \(VRM\)/.test(l)), "the join screen never said it uses cleo.vrm", 90_000, 250);
    await cleo.shot("avatar-join-customiser.png");
    await cleo.page.getByRole("button", { name: "Join", exact: true }).click({ timeout: 90_000 });
    await cleo.waitFor(`window.__otc && window.__otc.status === "connected"`, "Cleo to be connected", 60_000);
    const seen = await waitUntil(() => avatarOf(ada, "Cleo"), (a) => a?.model === "model", "Ada never saw Cleo's model", 40_000);
    const loads = await ada.hook<Array<{ url: string; ms: number }>>("otc.modelLoads()");
    expect(loads[0]!.url).toMatch(/^\/avatars\/[0-9a-f]{64}\.glb$/);
    await ada.hook(`(otc.standAndLook(${seen!.head[0] + 0.4}, ${seen!.head[2] - 2.2}, [${seen!.head[0]}, 1.1, ${seen!.head[2]}]), true)`);
    await ada.waitFrames(10);
    await ada.shot("avatar-desktop-sees-vrm.png");
  });
});
