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
