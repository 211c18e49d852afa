import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import { type Mesh, type MeshBasicMaterial, type Object3D, Vector3 } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { useReducedMotion } from "../a11y/use-reduced-motion.js";
import { controllerCuesOf, partNodeNames, type ControllerCue } from "./controller-cues.js";
import { onboardingOf, useOnboardingUi } from "./use-onboarding.js";

const RADIUS = 0.014; // metres: a little larger than a Quest button
const MAX_CUES = 2;
const scratch = new Vector3();

/** The controller model (from the input profile) of one hand, once @react-three/xr has loaded it. */
function modelOf(states: ReadonlyArray<{ type: string; inputSource: XRInputSource; object?: Object3D }>, hand: "left" | "right"): Object3D | undefined {
  return states.find((s) => s.type === "controller" && s.inputSource.handedness === hand)?.object;
}

/** The model's node for a cue's part, looked up once per model (not a tree walk every frame). */
const parts = new WeakMap<Object3D, Map<string, Object3D | null>>();
function partOf(model: Object3D, cue: ControllerCue): Object3D | undefined {
  let known = parts.get(model);
  if (!known) parts.set(model, (known = new Map()));
  if (!known.has(cue.node)) known.set(cue.node, partNodeNames(cue).reduce<Object3D | null>((found, name) => found ?? model.getObjectByName(name) ?? null, null));
  return known.get(cue.node) ?? undefined;
}

/**
 * The onboarding's "press here" cue in VR: a pulsing light on the controller part the step's
 * instruction names (the trigger to teleport, the right stick to turn, B to raise a hand…), drawn
 * over the controller model at that part's place. Nothing for tracked hands.
 */
export function ControllerCues() {
  const session = useSession();
  const still = useReducedMotion(); // reduced motion: the light stays lit instead of pulsing
  const client = onboardingOf(session);
  const step = useOnboardingUi(client, (s) => s.run?.step ?? null);
  const device = useOnboardingUi(client, (s) => s.run?.device ?? "desktop");
  const cues = controllerCuesOf(step, device);
  const meshes = useRef<Array<Mesh | null>>([]);

  useFrame(({ clock }) => {
    const states = session.xr.store.getState().inputSourceStates ?? [];
    cues.slice(0, MAX_CUES).forEach((cue: ControllerCue, i) => {
      const mesh = meshes.current[i];
      if (!mesh) return;
      const model = modelOf(states, cue.hand);
      const part = model && partOf(model, cue);
      mesh.visible = part !== undefined;
      if (!part) return;
      mesh.position.copy(part.getWorldPosition(scratch));
      const pulse = still ? 1 : 0.5 + 0.5 * Math.sin(clock.elapsedTime * 6); // about 1 Hz, never a flash
      mesh.scale.setScalar(1 + 0.35 * pulse);
      (mesh.material as MeshBasicMaterial).opacity = 0.45 + 0.4 * pulse;
    });
  }, FrameOrder.worldUi);

  return (
    <>
      {cues.slice(0, MAX_CUES).map((cue, i) => (
        <mesh
          key={`${cue.hand}-${cue.node}`}
          name={`onboarding-cue-${cue.hand}-${cue.node}`}
          ref={(m) => void (meshes.current[i] = m)}
          visible={false}
          renderOrder={10}
        >
          <sphereGeometry args={[RADIUS, 16, 12]} />
          {/* drawn through the controller's shell, so a part under it still shows */}
          <meshBasicMaterial color="#4fd1ff" transparent opacity={0.8} depthTest={false} toneMapped={false} />
        </mesh>
      ))}
    </>
  );
}
