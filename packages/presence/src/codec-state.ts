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

function clampToWidth(v: number, width: number): number {
  const max = 2 ** (width - 1) - 1;
  return Math.max(-max, Math.min(max, v));
}

export function channelPresent(q: Pick<QuantisedPose, "hasLeft" | "hasRight">, channel: number): boolean {
  if (channel < 2) return true;
  return channel < 4 ? q.hasLeft : q.hasRight;
}

export function quantiseAvatar(pose: AvatarPose): QuantisedPose {
  const v = new Int32Array(VALUES);
  const head = quantisePosition(pose.head.p);
  const put = (channel: number, xyz: Vec3) => {
    for (let i = 0; i < 3; i++) v[channel * 3 + i] = clampToWidth(xyz[i]!, INTRA_WIDTH[channel]!);
  };
  put(0, head);
  put(1, quantiseRotation(pose.head.q));
  const headMetres = dequantisePosition(head);
  const hand = (channel: number, h: AvatarPose["left"]) => {
    if (!h) return;
    const rel = (i: number) => Math.round((h.p[i]! - headMetres[i]!) / HAND_POSITION_UNIT);
    put(channel, [rel(0), rel(1), rel(2)]);
    put(channel + 1, quantiseRotation(h.q, HAND_ROTATION_UNIT));
  };
  hand(2, pose.left);
  hand(4, pose.right);
  return { v, hasLeft: pose.left !== null, hasRight: pose.right !== null };
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
