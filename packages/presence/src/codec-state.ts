import {
  HAND_POSITION_UNIT,
  HAND_ROTATION_UNIT,
  POSITION_UNIT,
  dequantisePosition,
  dequantiseRotation,
  quantisePosition,
  quantiseRotation,
} from "./quantise.js";
import type { AvatarPose, Vec3 } from "./types.js";

/**
 * A quantised avatar pose as 18 integers in six channels of three:
 * head position (mm), head rotation (mrad), left hand position relative to the head (mm),
 * left rotation, right relative position, right rotation. Hand channels are meaningful only
 * when that hand is present.
 */
export const CHANNELS = 6;
export const VALUES = CHANNELS * 3;

export interface QuantisedPose {
  v: Int32Array; // length VALUES
  hasLeft: boolean;
  hasRight: boolean;
}

/** Absolute (intra) widths per channel, in bits per component, two's complement. */
export const INTRA_WIDTH = [20, 13, 16, 13, 16, 13] as const;

/** The largest magnitude each channel's intra width holds. */
const INTRA_MAX = INTRA_WIDTH.map((width) => 2 ** (width - 1) - 1);

function clampToWidth(v: number, max: number): number {
  return v > max ? max : v < -max ? -max : v;
}

export function channelPresent(q: Pick<QuantisedPose, "hasLeft" | "hasRight">, channel: number): boolean {
  if (channel < 2) return true;
  return channel < 4 ? q.hasLeft : q.hasRight;
}

// quantiseAvatar runs for every pose of every person: its helpers are module-level functions, not
// closures made per call (the server runs under tsx, whose transform names each closure as it is made).
export function quantiseAvatar(pose: AvatarPose): QuantisedPose {
  const v = new Int32Array(VALUES);
  const head = quantisePosition(pose.head.p);
  putChannel(v, 0, head[0], head[1], head[2]);
  const q = quantiseRotation(pose.head.q);
  putChannel(v, 1, q[0], q[1], q[2]);
  const headMetres = dequantisePosition(head);
  putHand(v, 2, pose.left, headMetres);
  putHand(v, 4, pose.right, headMetres);
  return { v, hasLeft: pose.left !== null, hasRight: pose.right !== null };
}

function putChannel(v: Int32Array, channel: number, a: number, b: number, c: number): void {
  const max = INTRA_MAX[channel]!;
  v[channel * 3] = clampToWidth(a, max);
  v[channel * 3 + 1] = clampToWidth(b, max);
  v[channel * 3 + 2] = clampToWidth(c, max);
}

/** A hand's position relative to the head (HAND_POSITION_UNIT) in `channel`, its rotation in the next. */
function putHand(v: Int32Array, channel: number, hand: AvatarPose["left"], headMetres: Vec3): void {
  if (!hand) return;
  const p = hand.p;
  putChannel(
    v,
    channel,
    Math.round((p[0] - headMetres[0]) / HAND_POSITION_UNIT),
    Math.round((p[1] - headMetres[1]) / HAND_POSITION_UNIT),
    Math.round((p[2] - headMetres[2]) / HAND_POSITION_UNIT),
  );
  const q = quantiseRotation(hand.q, HAND_ROTATION_UNIT);
  putChannel(v, channel + 1, q[0], q[1], q[2]);
}

export function dequantiseAvatar(q: QuantisedPose): AvatarPose {
  const v = q.v;
  const at = (channel: number): Vec3 => [v[channel * 3]!, v[channel * 3 + 1]!, v[channel * 3 + 2]!];
  const head = at(0);
  const hand = (posChannel: number) => {
    const rel = at(posChannel);
    const k = HAND_POSITION_UNIT / POSITION_UNIT;
    return {
      p: dequantisePosition([head[0] + rel[0] * k, head[1] + rel[1] * k, head[2] + rel[2] * k]),
      q: dequantiseRotation(at(posChannel + 1), HAND_ROTATION_UNIT),
    };
  };
  return {
    head: { p: dequantisePosition(head), q: dequantiseRotation(at(1)) },
    left: q.hasLeft ? hand(2) : null,
    right: q.hasRight ? hand(4) : null,
  };
}

/**
 * What both ends of a presence stream remember per slot: the last two states sent, and the
 * residual width class last used by each channel (classes are coded relative to it).
 */
export interface SlotReference {
  q1: QuantisedPose;
  q0: QuantisedPose;
  cls: Uint8Array; // length CHANNELS
}

/** Width class assumed for every channel after an intra entry. */
export const START_CLASS = 3;

export function freshClasses(): Uint8Array {
  return new Uint8Array(CHANNELS).fill(START_CLASS);
}

export function copyQuantised(q: QuantisedPose): QuantisedPose {
  return { v: new Int32Array(q.v), hasLeft: q.hasLeft, hasRight: q.hasRight };
}
