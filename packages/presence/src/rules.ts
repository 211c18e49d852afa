import type { PoseMessage, PoseTuple, RejectionCode } from "@otc/contract";
import { normaliseQuat } from "./quantise.js";
import type { AvatarPose, Pose, Vec3 } from "./types.js";

export interface Walkable {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

/** Limits the server holds every pose to. Distances in metres, speeds in m/s, times in ms. */
export interface PoseRules {
  walkable: Walkable;
  minY: number;
  maxY: number;
  /** Fastest a head may travel without teleporting (a brisk run). */
  maxSpeed: number;
  /** Distance the walking allowance may bank, so bunched-up packets after network jitter pass. */
  maxBankedDistance: number;
  /** A head further than this outside the walkable area is refused rather than clamped. */
  boundsTolerance: number;
  maxHandReach: number;
  minTeleportIntervalMs: number;
}

export function defaultPoseRules(walkable: Walkable): PoseRules {
  return {
    walkable,
    minY: 0.2,
    maxY: 2.6,
    maxSpeed: 4,
    maxBankedDistance: 1,
    boundsTolerance: 1,
    maxHandReach: 1.3,
    minTeleportIntervalMs: 250,
  };
}

/** What the server remembers about one person's accepted motion. */
export interface PoseTrack {
  pose: AvatarPose;
  atMs: number;
  /** Walking distance still allowed right now (metres). */
  allowance: number;
  lastTeleportMs: number;
}

export type PoseVerdict =
  | { ok: true; pose: AvatarPose; clamped: boolean; track: PoseTrack }
  | { ok: false; reason: RejectionCode };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function toPose(t: PoseTuple): Pose | null {
  if (!t.every(Number.isFinite)) return null;
  const norm = Math.hypot(t[3], t[4], t[5], t[6]);
  if (norm < 0.5 || norm > 1.5) return null; // not a rotation; refuse rather than guess
  return { p: [t[0], t[1], t[2]], q: normaliseQuat([t[3], t[4], t[5], t[6]]) };
}

function outsideBy(p: Vec3, w: Walkable): number {
  const dx = Math.max(w.minX - p[0], 0, p[0] - w.maxX);
  const dz = Math.max(w.minZ - p[2], 0, p[2] - w.maxZ);
  return Math.hypot(dx, dz);
}

function withinReach(hand: Pose | null, head: Vec3, reach: number): { pose: Pose | null; clamped: boolean } {
  if (!hand) return { pose: null, clamped: false };
  const d: Vec3 = [hand.p[0] - head[0], hand.p[1] - head[1], hand.p[2] - head[2]];
  const len = Math.hypot(d[0], d[1], d[2]);
  if (len <= reach) return { pose: hand, clamped: false };
  const k = reach / len;
  return { pose: { p: [head[0] + d[0] * k, head[1] + d[1] * k, head[2] + d[2] * k], q: hand.q }, clamped: true };
}

/**
 * Decides whether a pose sample may enter the room, and in what form. Refuses non-finite values,
 * non-rotations, heads far outside the room and teleports that come too often or land outside;
 * clamps small overshoots (walking into a wall), heads that outrun the walking allowance (moved the
 * allowed distance along the same direction instead) and hands beyond arm's reach.
 */
export function checkPose(prev: PoseTrack | undefined, msg: PoseMessage, nowMs: number, rules: PoseRules): PoseVerdict {
  const head = toPose(msg.h);
  const left = msg.l ? toPose(msg.l) : null;
  const right = msg.r ? toPose(msg.r) : null;
  if (!head || (msg.l && !left) || (msg.r && !right)) return { ok: false, reason: "invalid-message" };

  const w = rules.walkable;
  const beyond = outsideBy(head.p, w);
  if (beyond > (msg.teleport ? 0 : rules.boundsTolerance)) return { ok: false, reason: "out-of-bounds" };
  let clamped = beyond > 0;
  const p: Vec3 = [clamp(head.p[0], w.minX, w.maxX), clamp(head.p[1], rules.minY, rules.maxY), clamp(head.p[2], w.minZ, w.maxZ)];
  if (p[1] !== head.p[1]) clamped = true;

  let allowance = rules.maxBankedDistance;
  let lastTeleportMs = prev?.lastTeleportMs ?? -Infinity;
  if (prev) {
    const elapsed = Math.max(0, nowMs - prev.atMs);
    allowance = Math.min(rules.maxBankedDistance, prev.allowance + (elapsed / 1000) * rules.maxSpeed);
    if (msg.teleport) {
      if (nowMs - prev.lastTeleportMs < rules.minTeleportIntervalMs) return { ok: false, reason: "too-fast" };
      lastTeleportMs = nowMs;
    } else {
      const from = prev.pose.head.p;
      const d: Vec3 = [p[0] - from[0], p[1] - from[1], p[2] - from[2]];
      const dist = Math.hypot(d[0], d[1], d[2]);
      if (dist > allowance) {
        const k = allowance / dist;
        p[0] = from[0] + d[0] * k;
        p[1] = from[1] + d[1] * k;
        p[2] = from[2] + d[2] * k;
        clamped = true;
        allowance = 0;
      } else {
        allowance -= dist;
      }
    }
  } else if (msg.teleport) {
    lastTeleportMs = nowMs;
  }

  const l = withinReach(left, p, rules.maxHandReach);
  const r = withinReach(right, p, rules.maxHandReach);
  const pose: AvatarPose = { head: { p, q: head.q }, left: l.pose, right: r.pose };
  return {
    ok: true,
    pose,
    clamped: clamped || l.clamped || r.clamped,
    track: { pose, atMs: nowMs, allowance, lastTeleportMs },
  };
}
