import { quatAngle } from "./quantise.js";
import { clonePose, type AvatarPose, type Pose } from "./types.js";

/**
 * How far a tracked part must move before its new pose is passed on, and how long a smaller but
 * steady offset may last before it passes anyway (a slow drift). Metres, radians, milliseconds.
 */
export interface JitterThresholds {
  move: number;
  turn: number;
  /** Offsets above this fraction of `move`/`turn`, held for `driftMs`, pass as a drift. */
  driftFraction: number;
  driftMs: number;
}

/**
 * Head: 2 mm and 5 mrad (0.3°) keep lip-sync and gaze exact up close. Hands: 5 mm and 15 mrad
 * (0.9°): controller jitter (a few tenths of a millimetre, about a milliradian) never crosses them,
 * a real gesture does within one sample.
 */
export const HEAD_THRESHOLDS: JitterThresholds = { move: 0.002, turn: 0.005, driftFraction: 0.35, driftMs: 300 };
export const HAND_THRESHOLDS: JitterThresholds = { move: 0.005, turn: 0.015, driftFraction: 0.35, driftMs: 300 };

/** One tracked part: the pose last passed on, and since when the input has sat off it. */
class PartFilter {
  private held: Pose | null = null;
  private offSince: number | null = null;

  constructor(private readonly t: JitterThresholds) {}

  apply(pose: Pose, nowMs: number): Pose {
    const held = this.held;
    if (!held) return this.pass(pose);
    const moved = Math.hypot(pose.p[0] - held.p[0], pose.p[1] - held.p[1], pose.p[2] - held.p[2]);
    const turned = quatAngle(pose.q, held.q);
    if (moved > this.t.move || turned > this.t.turn) return this.pass(pose);
    if (moved > this.t.move * this.t.driftFraction || turned > this.t.turn * this.t.driftFraction) {
      this.offSince ??= nowMs;
      if (nowMs - this.offSince >= this.t.driftMs) return this.pass(pose);
    } else this.offSince = null;
    return held;
  }

  reset(): void {
    this.held = null;
    this.offSince = null;
  }

  private pass(pose: Pose): Pose {
    this.held = clonePose(pose);
    this.offSince = null;
    return this.held;
  }
}

/**
 * Sub-millimetre jitter smoothing for one person's presence, applied before encoding: each part
 * holds its last pose until it moves beyond a small threshold (passed at once, so motion keeps its
 * latency) or sits off it steadily for a moment (a slow drift, passed late). A seated listener whose
 * controllers rest on the lap then costs almost nothing; the delta coder's prediction also works
 * better on the held steps than on noise. A hand that appears or disappears passes at once.
 */
export class JitterFilter {
  private readonly head: PartFilter;
  private readonly left: PartFilter;
  private readonly right: PartFilter;

  constructor(head = HEAD_THRESHOLDS, hands = HAND_THRESHOLDS) {
    this.head = new PartFilter(head);
    this.left = new PartFilter(hands);
    this.right = new PartFilter(hands);
  }

  apply(pose: AvatarPose, nowMs: number): AvatarPose {
    return { head: this.head.apply(pose.head, nowMs), left: handThrough(this.left, pose.left, nowMs), right: handThrough(this.right, pose.right, nowMs) };
  }
}

// Functions on this path (every pose of every person) are module-level, not closures made per call:
// the server runs under tsx, whose transform names each closure as it is made (a property write per call).
function handThrough(filter: PartFilter, pose: Pose | null, nowMs: number): Pose | null {
  if (pose) return filter.apply(pose, nowMs);
  filter.reset();
  return null;
}
