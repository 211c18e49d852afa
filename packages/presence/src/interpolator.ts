import type { AvatarPose, Pose, Quat } from "./types.js";

/** Default render delay behind the newest sample: two relay ticks at 20 Hz, less a little. */
export const DEFAULT_INTERPOLATION_DELAY_MS = 90;
const MAX_SAMPLES = 16;
/** Longest render delay an avatar's sample rate may ask for (a far avatar at 5 Hz asks ~250 ms). */
export const MAX_INTERPOLATION_DELAY_MS = 300;
/** How far the delay moves towards its target per sample received, so the render time never jumps. */
const DELAY_STEP_MS = 25;

function slerp(a: Quat, b: Quat, t: number, out: Quat): void {
  let [bx, by, bz, bw] = b;
  let cos = a[0] * bx + a[1] * by + a[2] * bz + a[3] * bw;
  if (cos < 0) {
    cos = -cos;
    bx = -bx;
    by = -by;
    bz = -bz;
    bw = -bw;
  }
  let ka = 1 - t;
  let kb = t;
  if (cos < 0.9995) {
    const theta = Math.acos(cos);
    const s = Math.sin(theta);
    ka = Math.sin((1 - t) * theta) / s;
    kb = Math.sin(t * theta) / s;
  }
  out[0] = a[0] * ka + bx * kb;
  out[1] = a[1] * ka + by * kb;
  out[2] = a[2] * ka + bz * kb;
  out[3] = a[3] * ka + bw * kb;
  const n = Math.hypot(out[0], out[1], out[2], out[3]);
  for (let i = 0; i < 4; i++) out[i]! /= n;
}

function mixPose(a: Pose | null, b: Pose | null, t: number): Pose | null {
  if (!a || !b) return b ?? a;
  const q: Quat = [0, 0, 0, 1];
  slerp(a.q, b.q, t, q);
  return {
    p: [a.p[0] + (b.p[0] - a.p[0]) * t, a.p[1] + (b.p[1] - a.p[1]) * t, a.p[2] + (b.p[2] - a.p[2]) * t],
    q,
  };
}

/**
 * Buffered interpolation for one remote avatar: renders `delayMs` behind the newest sample so
 * motion stays smooth across network jitter; holds the last pose when samples stop (a frozen
 * avatar) and snaps across gaps longer than `snapAfterMs` (teleports). The delay grows with the
 * avatar's own sample interval (the median of the last few, up to MAX_INTERPOLATION_DELAY_MS), so an
 * avatar the server sends at 5 Hz (far or out of view) still moves smoothly; it moves by small
 * steps so the render time never jumps.
 */
export class PoseInterpolator {
  private readonly samples: Array<{ at: number; pose: AvatarPose }> = [];
  private delay: number;

  constructor(
    private readonly delayMs = DEFAULT_INTERPOLATION_DELAY_MS,
    private readonly snapAfterMs = 500,
  ) {
    this.delay = delayMs;
  }

  push(atMs: number, pose: AvatarPose): void {
    const last = this.samples[this.samples.length - 1];
    if (last && atMs <= last.at) atMs = last.at + 1;
    this.samples.push({ at: atMs, pose });
    if (this.samples.length > MAX_SAMPLES) this.samples.shift();
    this.adaptDelay();
  }

  /** The render delay in use now, ms. */
  get currentDelayMs(): number {
    return this.delay;
  }

  private adaptDelay(): void {
    const gaps: number[] = [];
    for (let i = this.samples.length - 1; i > 0 && gaps.length < 5; i--) {
      const gap = this.samples[i]!.at - this.samples[i - 1]!.at;
      if (gap <= this.snapAfterMs) gaps.push(gap);
    }
    if (gaps.length < 3) return;
    gaps.sort((a, b) => a - b);
    const target = Math.min(MAX_INTERPOLATION_DELAY_MS, Math.max(this.delayMs, gaps[gaps.length >> 1]! * 1.25));
    this.delay += Math.max(-DELAY_STEP_MS, Math.min(DELAY_STEP_MS, target - this.delay));
  }

  get size(): number {
    return this.samples.length;
  }

  sample(nowMs: number): AvatarPose | undefined {
    const n = this.samples.length;
    if (n === 0) return undefined;
    const t = nowMs - this.delay;
    const first = this.samples[0]!;
    if (t <= first.at) return first.pose;
    for (let i = n - 1; i > 0; i--) {
      const a = this.samples[i - 1]!;
      const b = this.samples[i]!;
      if (t < a.at) continue;
      if (t >= b.at) return b.pose;
      if (b.at - a.at > this.snapAfterMs) return b.pose;
      const k = (t - a.at) / (b.at - a.at);
      return {
        head: mixPose(a.pose.head, b.pose.head, k)!,
        left: mixPose(a.pose.left, b.pose.left, k),
        right: mixPose(a.pose.right, b.pose.right, k),
      };
    }
    return this.samples[n - 1]!.pose;
  }
}
