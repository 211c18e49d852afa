import { useFrame } from "@react-three/fiber";
import { useMemo } from "react";
import { BackSide, Mesh, ShaderMaterial, SphereGeometry } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { vignetteOpacity } from "../locomotion/stick-motion.js";

/** Name of the vignette mesh in the scene (the test hooks read it there). */
export const VIGNETTE_NAME = "comfort-vignette";
/**
 * Metres. Large on purpose: the sphere is placed at the head this frame resolved, and on a slow frame
 * the rendered eye can be a step away from it; the eyes must stay well inside (depth test is off, so
 * the size hides nothing).
 */
const RADIUS = 1;
const CLEAR_DEG = 28; // the centre of the view stays clear up to this angle…
const DARK_DEG = 55; // …and is fully darkened past this one

/**
 * The comfort vignette: while the person moves smoothly (left stick, smooth turn) the edges of the
 * view darken, to the strength set in the Comfort tab, and clear again at rest. One small sphere around
 * the head drawn last, without depth (one draw call, only while it shows).
 */
export function ComfortVignette() {
  const { rig, comfort } = useSession();
  const mesh = useMemo(() => {
    const material = new ShaderMaterial({
      uniforms: { opacity: { value: 0 }, clear: { value: Math.cos((CLEAR_DEG * Math.PI) / 180) }, dark: { value: Math.cos((DARK_DEG * Math.PI) / 180) } },
      vertexShader: "varying vec3 vDir; void main() { vDir = normalize(position); gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }",
      fragmentShader:
        "uniform float opacity; uniform float clear; uniform float dark; varying vec3 vDir; void main() { float c = dot(normalize(vDir), vec3(0.0, 0.0, -1.0)); gl_FragColor = vec4(0.0, 0.0, 0.0, opacity * (1.0 - smoothstep(dark, clear, c))); }",
      transparent: true,
      depthTest: false,
      depthWrite: false,
      side: BackSide,
    });
    const m = new Mesh(new SphereGeometry(RADIUS, 24, 12), material);
    m.name = VIGNETTE_NAME;
    m.renderOrder = 10_000; // over everything, the hand menu included
    m.frustumCulled = false;
    m.visible = false;
    m.raycast = () => undefined; // never under a controller ray
    return m;
  }, []);

  useFrame((_, delta) => {
    const material = mesh.material as ShaderMaterial;
    const uniform = material.uniforms.opacity!;
    const opacity = vignetteOpacity(uniform.value as number, rig.smoothMotion, comfort.getState().vignette, Math.min(delta, 0.1));
    uniform.value = opacity;
    // for the test hooks: where this frame put the head, when, and the stick's walking time so far
    mesh.userData.lastFrame = { p: [...rig.head.p], t: performance.now(), walkS: rig.walkSeconds };
    mesh.visible = opacity > 0;
    if (!mesh.visible) return;
    const [x, y, z] = rig.head.p;
    const [qx, qy, qz, qw] = rig.head.q;
    mesh.position.set(x, y, z);
    mesh.quaternion.set(qx, qy, qz, qw);
  }, FrameOrder.worldUi);

  return <primitive object={mesh} />;
}
