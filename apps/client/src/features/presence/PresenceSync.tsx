import { ClientMessage, PRESENCE_HZ } from "@otc/contract";
import { useFrame } from "@react-three/fiber";
import { useEffect, useRef } from "react";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { localPoseChanged, poseMessage, type LocalPose } from "./pose-message.js";

const SEND_INTERVAL_MS = 1000 / PRESENCE_HZ;

/**
 * Presence both ways. Incoming frames (queued with their receive time since the join) are applied
 * in the receive phase; the local pose goes out in the send phase at PRESENCE_HZ, only when it changed.
 */
export function PresenceSync() {
  const { room, presence, rig, store, counters } = useSession();
  const lastSentAt = useRef(-Infinity);
  const lastSent = useRef<LocalPose | null>(null);

  useEffect(() => {
    // Frames arrive through joinTrainingRoom's handler. A departed participant's slot is forgotten so a newcomer reusing it starts clean.
    const unsubscribe = store.subscribe((next, prev) => {
      if (next.participants === prev.participants) return;
      const kept = new Set(next.participants.map((p) => p.slot));
      for (const p of prev.participants) if (!kept.has(p.slot)) presence.remove(p.slot);
    });
    return unsubscribe;
  }, [presence, store]);

  useFrame(() => presence.drain(), FrameOrder.receive);

  useFrame(({ gl, scene }) => {
    counters.frames++;
    counters.scene = scene;
    // renderer.info still holds the previous frame here: this frame renders after every subscriber
    counters.lastRender.calls = gl.info.render.calls;
    counters.lastRender.triangles = gl.info.render.triangles;
    counters.lastRender.textures = gl.info.memory.textures;
    counters.lastRender.geometries = gl.info.memory.geometries;
    const now = performance.now();
    if (now - lastSentAt.current < SEND_INTERVAL_MS) return;
    if (store.getState().status !== "connected") return;
    const pose: LocalPose = { head: rig.head, left: rig.left, right: rig.right };
    if (!localPoseChanged(pose, lastSent.current)) return;
    room.send(ClientMessage.pose, poseMessage(pose, rig.teleported));
    rig.teleported = false;
    lastSent.current = pose;
    lastSentAt.current = now;
    counters.sentPoses++;
  }, FrameOrder.send);

  return null;
}
