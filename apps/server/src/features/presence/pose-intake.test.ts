import { describe, expect, it } from "vitest";
import { defaultPoseRules } from "@otc/presence";
import type { PoseMessage } from "@otc/contract";
import { NOTICE_INTERVAL_MS } from "../../rooms/refusals.js";
import { POSE_BURST, POSE_RATE_PER_S, PoseIntake } from "./pose-intake.js";

const rules = defaultPoseRules({ minX: -5, maxX: 5, minZ: -5, maxZ: 5 });
const at = (x: number, z: number): { ok: true; value: PoseMessage } => ({ ok: true, value: { h: [x, 1.6, z, 0, 0, 0, 1], l: null, r: null } });

describe("PoseIntake", () => {
  it("lets a steady presence stream through and refuses a burst beyond the limit", () => {
    const intake = new PoseIntake(rules);
    for (let i = 0; i < 100; i++) expect(intake.receive("a", at(0, 0), 1000 + i * 50).accepted).toBeDefined();
    let allowed = 0;
    for (let i = 0; i < POSE_BURST * 3; i++) if (intake.receive("b", at(0, 0), 5000).accepted) allowed++;
    expect(allowed).toBe(POSE_BURST);
    expect(intake.stats.dropped["rate-limited"]).toBe(POSE_BURST * 2);
    expect(intake.receive("b", at(0, 0), 5000 + 1.1 * (1000 / POSE_RATE_PER_S)).accepted).toBeDefined(); // one token later
  });

  it("never refuses an honest sender whose poses arrive bunched after a server stall of up to three seconds", () => {
    const intake = new PoseIntake(rules);
    for (let i = 0; i < 40; i++) expect(intake.receive("a", at(0, i * 0.05), i * 50).accepted).toBeDefined(); // 20 Hz, walking
    // The server's event loop was busy from 2000 to 5000 ms: sixty poses sent meanwhile are all read at 5000.
    for (let i = 0; i < 60; i++) expect(intake.receive("a", at(0, 2 + i * 0.02), 5000).accepted, `pose ${i}`).toBeDefined();
    expect(intake.stats.dropped["rate-limited"] ?? 0).toBe(0);
  });

  it("holds the latest pose refused for rate and lets it through on a later tick, so a sender who stops is drawn where they stopped", () => {
    const intake = new PoseIntake(rules);
    for (let i = 0; i <= POSE_BURST; i++) intake.receive("a", at(0, 0), 0); // the last one is refused: no token left
    expect(intake.receive("a", at(0.02, 0.01), 0).accepted).toBeUndefined(); // the latest, refused: held
    expect(intake.releaseHeld(10)).toEqual([]); // no token yet
    const released = intake.releaseHeld(10 + 1000 / POSE_RATE_PER_S);
    expect(released).toEqual([{ id: "a", result: { accepted: expect.objectContaining({ head: expect.objectContaining({ p: [0.02, 1.6, 0.01] }) }) } }]);
    expect(intake.releaseHeld(5000)).toEqual([]); // released once
  });

  it("forgets a held pose once a newer one goes through", () => {
    const intake = new PoseIntake(rules);
    for (let i = 0; i < POSE_BURST; i++) intake.receive("a", at(0, 0), 0);
    intake.receive("a", at(0.02, 0.01), 0); // refused, held
    expect(intake.receive("a", at(0.5, 0.5), 1000).accepted?.head.p).toEqual([0.5, 1.6, 0.5]);
    expect(intake.releaseHeld(2000)).toEqual([]);
  });

  it("keeps each sender's limits and motion apart", () => {
    const intake = new PoseIntake(rules);
    for (let i = 0; i < POSE_BURST * 2; i++) intake.receive("flooder", at(0, 0), 0);
    expect(intake.receive("calm", at(3, 3), 0).accepted?.head.p).toEqual([3, 1.6, 3]);
  });

  it("counts invalid messages and says why, at most once per interval per sender", () => {
    const intake = new PoseIntake(rules);
    const bad = { ok: false as const, detail: "h.0: must be finite" };
    const first = intake.receive("a", bad, 0);
    expect(first.accepted).toBeUndefined();
    expect(first.accepted === undefined && first.notice).toMatchObject({ code: "invalid-message", params: { detail: expect.stringContaining("h.0") } });
    const again = intake.receive("a", bad, NOTICE_INTERVAL_MS - 1);
    expect(again.accepted === undefined && again.notice).toBeUndefined();
    const other = intake.receive("b", bad, 1);
    expect(other.accepted === undefined && other.notice).toBeDefined();
    const later = intake.receive("a", bad, NOTICE_INTERVAL_MS);
    expect(later.accepted === undefined && later.notice).toBeDefined();
    expect(intake.stats.dropped["invalid-message"]).toBe(4);
  });

  it("forgets a sender whose seat is gone", () => {
    const intake = new PoseIntake(rules);
    intake.receive("a", { ...at(0, 0), value: { ...at(0, 0).value, teleport: true } }, 0);
    intake.forget("a");
    // A fresh sender may teleport at once; the old one could not have within 250 ms.
    expect(intake.receive("a", { ...at(2, 2), value: { ...at(2, 2).value, teleport: true } }, 10).accepted).toBeDefined();
  });
});
