import { useFrame } from "@react-three/fiber";
import { Suspense, lazy, useRef } from "react";
import { DoubleSide, type Group } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession, useSessionUi } from "../../session-context.js";
import { angleDelta } from "@otc/onboarding";
import { closedBy } from "../connection/leave-session.js";
import { yawOf } from "../locomotion/walkable.js";
import { useReducedMotion } from "../a11y/use-reduced-motion.js";
import { ControllerCues } from "./ControllerCues.js";
import { PracticeScreen } from "./PracticeScreen.js";
import { onboardingOf, useOnboardingUi } from "./use-onboarding.js";

/** The VR instruction panel uses the in-world kit: its own chunk, fetched when a run shows in VR. */
const OnboardingVrPanel = lazy(() => import("./OnboardingVrPanel.js"));

/** Poses feed the detectors this often, Hz: enough for a head turn, little work. */
const POSE_HZ = 15;
/** A head that moves further than this between two frames jumped (a teleport), metres. */
const JUMP = 0.8;
/** A view that turns more than this between two frames in VR was snap-turned (a head cannot), radians. */
const SNAP = (20 * Math.PI) / 180;
/** Height of the light column over the marked spot, metres. */
const PILLAR = 2.2;

/**
 * The onboarding inside the scene: samples the person's own head (never sent, never stored) for
 * the detectors, notices teleports and snap turns, and draws the cues: a glowing ring on the
 * marked spot, the practice screen, and in VR the instruction panel and a light on the controller
 * part to press. It never moves the view.
 */
export function OnboardingInWorld() {
  const session = useSession();
  const still = useReducedMotion();
  const { rig } = session;
  const client = onboardingOf(session); // the card (DOM) mounts the watchers; this part only adds poses
  const step = useOnboardingUi(client, (s) => s.run?.step ?? null);
  const running = useOnboardingUi(client, (s) => s.run !== null);
  const inVr = useSessionUi((s) => s.inVr);
  // Once they left or the session ended, the end-of-session survey is what stands before them, alone.
  const over = useSessionUi(closedBy) !== null;
  const last = useRef<{ x: number; z: number; yaw: number; sampledAt: number } | null>(null);
  const ring = useRef<Group>(null);

  useFrame(({ clock }) => {
    if (!running) return;
    const now = client.now();
    const [x, , z] = rig.head.p;
    const yaw = yawOf(rig.head.q);
    const prev = last.current;
    if (prev && Math.hypot(x - prev.x, z - prev.z) > JUMP) client.feed({ kind: "teleport", at: now, x, z });
    if (prev && inVr && Math.abs(angleDelta(prev.yaw, yaw)) > SNAP) client.feed({ kind: "snap-turn", at: now });
    const sample = !prev || now - prev.sampledAt >= 1000 / POSE_HZ;
    if (sample) client.feed({ kind: "pose", at: now, x, z, yaw });
    last.current = { x, z, yaw, sampledAt: sample ? now : (prev?.sampledAt ?? now) };
    if (ring.current) ring.current.scale.setScalar(still ? 1 : 1 + 0.08 * Math.sin(clock.elapsedTime * 4));
  }, FrameOrder.send);

  const spot = client.currentPlaces?.spot;
  return (
    <>
      {step === "move" && spot && (
        <group ref={ring} position={[spot.x, 0.02, spot.z]} name="onboarding-spot">
          <mesh rotation-x={-Math.PI / 2}>
            <ringGeometry args={[spot.radius * 0.8, spot.radius, 48]} />
            <meshBasicMaterial color="#4fd1ff" transparent opacity={0.85} toneMapped={false} />
          </mesh>
          {/* A column of light up to above eye height: seen over desks and beside the desktop card when the ring on the floor is not. */}
          <mesh position-y={PILLAR / 2}>
            <cylinderGeometry args={[spot.radius * 0.8, spot.radius * 0.8, PILLAR, 32, 1, true]} />
            <meshBasicMaterial color="#4fd1ff" transparent opacity={0.22} toneMapped={false} depthWrite={false} side={DoubleSide} />
          </mesh>
        </group>
      )}
      {step === "slides" && <PracticeScreen client={client} />}
      {running && inVr && !over && <ControllerCues />}
      {running && inVr && !over && (
        <Suspense fallback={null}>
          <OnboardingVrPanel client={client} />
        </Suspense>
      )}
    </>
  );
}
