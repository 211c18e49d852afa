import { useFrame } from "@react-three/fiber";
import type { Pose } from "@otc/presence";
import { useEffect, useRef } from "react";
import type { Object3D } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import type { ParticipantView } from "../connection/session-store.js";
import { AvatarBody, type AvatarBodyParts } from "./AvatarBody.js";
import { restingHands, torsoPose } from "./resting-hands.js";

function place(object: Object3D, pose: Pose): void {
  object.position.set(pose.p[0], pose.p[1], pose.p[2]);
  object.quaternion.set(pose.q[0], pose.q[1], pose.q[2], pose.q[3]);
}

/**
 * One remote person, placed every frame from their interpolation buffer. Hidden until the first
 * pose arrives; frozen where they were while their connection is being re-established.
 */
export function RemoteAvatar({ participant }: { participant: ParticipantView }) {
  const { presence, avatars } = useSession();
  const parts = useRef<AvatarBodyParts>(null);
  const tracked = useRef({ left: false, right: false });
  const { id, slot, connected } = participant;

  useEffect(() => {
    const p = parts.current;
    if (!p) return;
    avatars.set(id, { head: p.head, left: p.left, right: p.right, tracked: tracked.current });
    return () => void avatars.delete(id);
  }, [avatars, id]);

  useFrame(() => {
    const p = parts.current;
    if (!p) return;
    if (!connected) return; // frozen: keep the last rendered pose
    const pose = presence.sample(slot, performance.now());
    p.root.visible = pose !== undefined;
    if (!pose) return;
    place(p.head, pose.head);
    place(p.torso, torsoPose(pose.head));
    const rest = pose.left && pose.right ? null : restingHands(pose.head);
    place(p.left, pose.left ?? rest!.left);
    place(p.right, pose.right ?? rest!.right);
    tracked.current.left = pose.left !== null;
    tracked.current.right = pose.right !== null;
    p.tag.position.set(pose.head.p[0], pose.head.p[1] + 0.32, pose.head.p[2]);
  }, FrameOrder.interpolate);

  return <AvatarBody ref={parts} name={participant.name} colour={participant.colour} reconnecting={!connected} />;
}
