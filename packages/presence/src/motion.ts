import type { AvatarPose, Quat } from "./types.js";

function yawPitchQuat(yaw: number, pitch: number): Quat {
  // yaw about +y, then pitch about the local x axis
  const cy = Math.cos(yaw / 2), sy = Math.sin(yaw / 2);
  const cp = Math.cos(pitch / 2), sp = Math.sin(pitch / 2);
  return [cy * sp, sy * cp, -sy * sp, cy * cp];
}

/**
 * A person walking a 3 m circle at 1 m/s while looking around and gesturing with both controllers
 * (±12 cm at 0.6 Hz):
 * the reference "moving avatar" for tests and benchmarks. `phase` (radians) offsets people.
 */
export function simulatedMotion(tSeconds: number, phase = 0, centre: [number, number] = [0, 0]): AvatarPose {
  const radius = 1.5; // metres
  const angle = phase + tSeconds / radius; // 1 m/s along the circle
  const x = centre[0] + Math.cos(angle) * radius;
  const z = centre[1] + Math.sin(angle) * radius;
  const heading = -angle; // facing along the tangent
  const look = 0.5 * Math.sin(tSeconds * 1.3 + phase); // glance ±29°
  const nod = 0.15 * Math.sin(tSeconds * 0.9 + phase);
  const bob = 0.02 * Math.sin(tSeconds * 2 * Math.PI * 1.8); // step bob, metres
  const headY = 1.62 + bob;
  const swing = 0.12 * Math.sin(tSeconds * 2 * Math.PI * 0.6 + phase); // metres
  const sideX = Math.cos(heading), sideZ = -Math.sin(heading); // body's right
  const fwdX = -Math.sin(heading), fwdZ = -Math.cos(heading);
  const hand = (side: 1 | -1, s: number) => ({
    p: [
      x + sideX * 0.25 * side + fwdX * (0.3 + s),
      1.1 + 0.06 * Math.sin(tSeconds * 1.5 + side),
      z + sideZ * 0.25 * side + fwdZ * (0.3 + s),
    ] as [number, number, number],
    q: yawPitchQuat(heading + 0.2 * side, -0.6 + s),
  });
  return {
    head: { p: [x, headY, z], q: yawPitchQuat(heading + look, nod) },
    left: hand(-1, swing),
    right: hand(1, -swing),
  };
}

/** Deterministic noise in [-1, 1] for (seed, sample, channel): the same trace on every run. */
function noise(seed: number, sample: number, channel: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(sample + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(channel + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  h ^= h >>> 15;
  return ((h >>> 0) / 0xffffffff) * 2 - 1;
}

/**
 * A person sitting and listening, seeded: breathing (±2 mm of head height at 0.25 Hz), a slow head
 * sway (±6 mm, ±2° of yaw over ~7 s), a glance towards a neighbour every 6–12 s (about 20°, half a
 * second each way), and controllers resting on the lap with tracking jitter of ±0.5 mm and
 * ±2 mrad (the head's: ±0.5 mrad). Samples are taken at `tSeconds`; the jitter changes every 10 ms.
 */
export function seatedMotion(tSeconds: number, seed = 1, seat: [number, number] = [0, 0]): AvatarPose {
  const phase = (seed % 97) * 0.37;
  const breath = 0.002 * Math.sin(2 * Math.PI * 0.25 * tSeconds + phase);
  const swayX = 0.006 * Math.sin(2 * Math.PI * 0.14 * tSeconds + phase);
  const swayZ = 0.004 * Math.sin(2 * Math.PI * 0.09 * tSeconds + 2 * phase);
  // a glance: each 9 s window (seeded start) holds one look aside, eased over 0.5 s each way
  const window = Math.floor((tSeconds + phase) / 9);
  const into = tSeconds + phase - window * 9;
  const start = 1 + 4 * (noise(seed, window, 99) * 0.5 + 0.5);
  const side = noise(seed, window, 98) > 0 ? 1 : -1;
  const ease = (x: number) => 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, x)));
  const glance = 0.35 * side * (ease((into - start) / 0.5) - ease((into - start - 2) / 0.5));
  const yaw = glance + 0.035 * Math.sin(2 * Math.PI * 0.11 * tSeconds + phase);
  const pitch = -0.1 + 0.02 * Math.sin(2 * Math.PI * 0.07 * tSeconds + phase) + breath * 2;
  const sample = Math.floor(tSeconds * 100);
  const jitter = (channel: number, size: number) => size * noise(seed, sample, channel);
  const head = { p: [seat[0] + swayX, 1.2 + breath, seat[1] + swayZ] as [number, number, number], q: yawPitchQuat(yaw + jitter(0, 0.0005), pitch + jitter(1, 0.0005)) };
  const hand = (s: 1 | -1, c: number) => ({
    p: [
      seat[0] + 0.18 * s + swayX * 0.3 + jitter(c, 0.0005),
      0.72 + breath * 0.3 + jitter(c + 1, 0.0005),
      seat[1] - 0.3 + jitter(c + 2, 0.0005),
    ] as [number, number, number],
    q: yawPitchQuat(0.3 * s + jitter(c + 3, 0.002), -1.2 + jitter(c + 4, 0.002)),
  });
  return { head, left: hand(-1, 10), right: hand(1, 20) };
}
