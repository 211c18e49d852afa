import type { HairStyle } from "@otc/contract";
import { BufferGeometry, CapsuleGeometry, CylinderGeometry, LatheGeometry, SphereGeometry, TorusGeometry, Vector2 } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";

/**
 * The default avatar's shapes, built once and shared by every instance. Origins: the head at the eyes
 * (−z forward), the torso at the base of the neck, a limb at its proximal joint spanning +y 0..1.
 */
function merged(parts: BufferGeometry[]): BufferGeometry {
  const prepared = parts.map((g) => (g.index ? g.toNonIndexed() : g));
  const out = mergeGeometries(prepared, false);
  if (!out) throw new Error("avatar geometry could not be merged");
  out.computeBoundingSphere();
  return out;
}

/** Head with ears, nose and a short neck (skin). */
export function headGeometry(): BufferGeometry {
  const skull = new SphereGeometry(0.105, 16, 12).scale(0.92, 1.12, 1).translate(0, 0.03, 0.005);
  const nose = new SphereGeometry(0.02, 6, 4).scale(0.8, 1.1, 1).translate(0, -0.015, -0.103);
  const earL = new SphereGeometry(0.025, 6, 4).scale(0.5, 1, 0.8).translate(-0.097, 0.0, 0.01);
  const earR = earL.clone().translate(0.194, 0, 0);
  const neck = new CylinderGeometry(0.045, 0.05, 0.12, 8, 1, true).translate(0, -0.12, 0.03);
  return merged([skull, nose, earL, earR, neck]);
}

/** A tailored upper body from the neck base down to the hips, with shoulders (clothing). */
export function torsoGeometry(): BufferGeometry {
  const profile = [
    [0.0, 0.0], [0.07, 0.0], [0.15, -0.04], [0.175, -0.1], [0.165, -0.25], [0.145, -0.42], [0.155, -0.56], [0.0, -0.58],
  ].map(([x, y]) => new Vector2(x, y));
  const body = new LatheGeometry(profile, 14).scale(1, 1, 0.62);
  return merged([body]);
}

/** A relaxed hand: a flattened mitten, fingers towards −z (skin). */
export function handGeometry(): BufferGeometry {
  const palm = new SphereGeometry(0.05, 10, 6).scale(0.85, 0.48, 1.2);
  const thumb = new SphereGeometry(0.018, 5, 4).scale(1, 1, 1.6).translate(-0.04, 0.005, -0.015);
  return merged([palm, thumb]);
}

/** One arm bone spanning +y 0..1 (scaled to the bone's length), sleeve coloured. */
export function limbGeometry(radius = 0.05): BufferGeometry {
  return new CapsuleGeometry(radius, 1 - radius, 2, 8).translate(0, 0.5, 0);
}

export function eyeGeometry(): BufferGeometry {
  return new SphereGeometry(0.016, 8, 5).scale(1, 1.25, 0.55);
}

export function mouthGeometry(): BufferGeometry {
  return new SphereGeometry(0.017, 8, 4).scale(1.5, 0.6, 0.5);
}

/** Speaking ring on the floor around the feet: seen from every side and far away. */
export function ringGeometry(): BufferGeometry {
  return new TorusGeometry(0.38, 0.022, 4, 28).rotateX(Math.PI / 2);
}

/** Distant avatars: a low-poly head and a low-poly body. */
export function farHeadGeometry(): BufferGeometry {
  return new SphereGeometry(0.11, 8, 6).scale(0.95, 1.1, 1);
}
export function farBodyGeometry(): BufferGeometry {
  return new CylinderGeometry(0.15, 0.16, 0.58, 7).translate(0, -0.29, 0).scale(1, 1, 0.65);
}

/** Hair or headwear per style, around the head's origin (the eyes); "none" draws nothing. */
export function hairGeometry(style: Exclude<HairStyle, "none">): BufferGeometry {
  const cap = () => new SphereGeometry(0.112, 14, 6, 0, Math.PI * 2, 0, Math.PI * 0.5).scale(0.95, 1.15, 1.04).rotateX(-0.32).translate(0, 0.035, 0.012);
  switch (style) {
    case "short":
      return merged([cap()]);
    case "long":
      return merged([cap(), new CylinderGeometry(0.1, 0.115, 0.26, 8, 1, true, Math.PI * 0.6, Math.PI * 0.8).translate(0, -0.06, 0.035).scale(1, 1, 0.9)]);
    case "bun":
      return merged([cap(), new SphereGeometry(0.05, 8, 5).translate(0, 0.12, 0.085)]);
    case "cap":
      return merged([cap(), new CylinderGeometry(0.075, 0.075, 0.008, 16).scale(1, 1, 1.3).translate(0, 0.07, -0.12)]);
    case "beanie":
      return merged([
        new SphereGeometry(0.12, 14, 6, 0, Math.PI * 2, 0, Math.PI * 0.55).scale(0.95, 1.25, 1.05).translate(0, 0.03, 0.01),
        new TorusGeometry(0.108, 0.018, 4, 16).rotateX(Math.PI / 2).scale(0.95, 1, 1.05).translate(0, 0.04, 0.01),
      ]);
  }
}
