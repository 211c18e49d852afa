import { Lod, cueView, type SpeakingState } from "@otc/avatars";
import type { Appearance } from "@otc/contract";
import { Canvas, useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { AvatarAnimator } from "./avatar-animator.js";
import { AvatarCrowd } from "./avatar-crowd.js";
import type { AvatarView } from "./avatar-registry.js";

const SILENT: SpeakingState = { kind: "silent" };

function PreviewFigure({ appearance }: { appearance: Appearance }) {
  const crowd = useMemo(() => new AvatarCrowd(1), []);
  const animator = useMemo(() => new AvatarAnimator(7), []);
  const view = useMemo<AvatarView>(() => {
    const z: [number, number, number] = [0, 0, 0];
    return { id: "preview", visible: true, head: z, left: null, right: null, bodyYaw: 0, lod: Lod.near, model: "default", arms: { left: [z, z, z], right: [z, z, z] }, cues: { speaking: false, muted: false, handRaised: false, away: false, mouth: 0 } };
  }, []);
  useEffect(() => animator.setAppearance(appearance), [animator, appearance]);
  useEffect(() => () => crowd.dispose(), [crowd]);
  // A slow turn needs few frames: 12 Hz keeps the join screen light on phones and software GL.
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const timer = window.setInterval(() => invalidate(), 1000 / 12);
    return () => window.clearInterval(timer);
  }, [invalidate]);
  useFrame(({ clock }, dt) => {
    const t = clock.elapsedTime;
    const yaw = Math.PI + Math.sin(t * 0.6) * 0.55; // turns to show the sides
    const pose = { head: { p: [0, 1.6, 0] as [number, number, number], q: [0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)] as [number, number, number, number] }, left: null, right: null };
    const cues = cueView({ speaking: SILENT, level: 0, muted: false, handRaised: false, away: false, connected: true });
    animator.animate(pose, cues, t * 1000, dt, view);
    crowd.begin();
    animator.draw(crowd);
    crowd.end();
  });
  return <primitive object={crowd.group} />;
}

/** The live 3D preview on the join screen: the same renderer the room uses, for one figure. */
export default function AvatarPreview({ appearance }: { appearance: Appearance }) {
  return (
    <Canvas frameloop="demand" dpr={[1, 2]} camera={{ fov: 30, position: [0, 1.3, 2.3], near: 0.1, far: 20 }} onCreated={({ camera }) => camera.lookAt(0, 1.2, 0)}>
      <hemisphereLight args={["#ffffff", "#8a7a66", 1.7]} />
      <directionalLight position={[1.5, 3, 2.5]} intensity={1.6} />
      <PreviewFigure appearance={appearance} />
    </Canvas>
  );
}
