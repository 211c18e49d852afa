// The client's avatar update alone (AvatarSystem.update: sample, cull, LOD, animate, crowd and tag
// instancing), in this process, without a browser or a GPU: CPU time per frame for N remote avatars
// seated in the render bench's auditorium (20 to a row), the viewer at the back facing the stage,
// presence arriving at 20 Hz with a seated listener's jitter and frames at 72 Hz. CPU time, not wall:
// on a loaded shared machine the browser rows' wall-clock figures drift by tens of times; these do not.
// A bench harness run by `pnpm bench render` (bench/run.ts), never imported by the app.
import { PRESENCE_HZ, type Participant, type TrainingState } from "@otc/contract";
import { PresenceEncoder, seatedMotion } from "@otc/presence";
import { Frustum, Matrix4, PerspectiveCamera, Vector3 } from "three";
import { PresenceReceiver } from "../presence/presence-receiver.js";
import { AvatarRegistry } from "./avatar-registry.js";
import { AvatarSystem } from "./avatar-system.js";

export interface AvatarFrameCost {
  avatars: number;
  frames: number;
  /** CPU time of one AvatarSystem.update, ms: median, 90th percentile and mean over `frames`. */
  cpuMs: { median: number; p90: number; mean: number };
  /** Avatars re-animated per frame on average, and drawn in full detail. */
  animatedPerFrame: number;
  nearAvatars: number;
}

/** What the system needs of a room: the harness builds its own update loop around it. */
export interface AvatarUpdater {
  update(viewer: Vector3, frustum: Frustum | null, nowMs: number): void;
}
export type MakeSystem = (state: TrainingState, selfId: string, presence: PresenceReceiver, registry: AvatarRegistry) => AvatarUpdater;

const FRAME_HZ = 72;
/** The render bench's auditorium: 20 to a row, 1.1 m apart, rows 1.3 m apart going towards the stage (−z). Metres. */
const seat = (i: number): [number, number] => [-10.5 + (i % 20) * 1.1, 11 - Math.floor(i / 20) * 1.3];

/** The glyph atlas draws on a canvas; Node has none, so tags are laid out without glyph pixels. */
function stubDocument(): void {
  const g = globalThis as { document?: unknown };
  g.document ??= { createElement: () => ({ width: 0, height: 0, getContext: () => null }) };
}

function participant(i: number): Participant {
  const p = { name: `Guest ${i + 1}`, colour: "#cc6633", role: "participant", appearance: "", connected: true, handRaised: false, away: false, slot: i + 1 };
  return p as unknown as Participant; // only the fields the avatar system reads
}

/** Runs `frames` frames of `avatars` avatars after one simulated second of warm-up; CPU time per update. */
export function avatarFrameCost(avatars: number, frames = 600, make: MakeSystem = (...a) => new AvatarSystem(...a)): AvatarFrameCost {
  return avatarFrameCosts(avatars, frames, [make])[0]!;
}

/**
 * The same, for several systems fed the same presence and updated one after the other in each
 * frame: a comparison whose sides share the machine's moment, so a busy machine skews both alike.
 */
export function avatarFrameCosts(avatars: number, frames: number, makes: MakeSystem[]): AvatarFrameCost[] {
  stubDocument();
  const participants = new Map<string, Participant>();
  for (let i = 0; i < avatars; i++) participants.set(`bot-${i}`, participant(i));
  const state = { participants } as unknown as TrainingState;
  const receiver = new PresenceReceiver();
  const runs = makes.map((make) => {
    const registry = new AvatarRegistry();
    return { registry, system: make(state, "viewer", receiver, registry), times: [] as number[], sum: 0, animated: 0, near: 0 };
  });
  const encoder = new PresenceEncoder();
  const camera = new PerspectiveCamera(70, 16 / 9, 0.05, 60);
  camera.position.set(0, 1.6, 9); // the auditorium's spawn row, facing the stage
  camera.lookAt(0, 1.6, 0);
  camera.updateMatrixWorld();
  const frustum = new Frustum().setFromProjectionMatrix(new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse));
  const warm = FRAME_HZ;
  const total = warm + frames;
  // Every presence frame encoded up front, so the encoder's garbage is not collected inside the timed updates.
  const sent: Uint8Array[] = [];
  for (let tick = 0; tick <= Math.floor(((total / FRAME_HZ) * PRESENCE_HZ)); tick++) {
    for (let i = 0; i < avatars; i++) encoder.set(i + 1, seatedMotion(tick / PRESENCE_HZ, i + 1, seat(i)));
    sent.push(tick === 0 ? encoder.encodeKeyframe() : (encoder.encodeDelta() ?? encoder.encodeKeyframe()));
  }
  let sentTick = -1;
  for (let f = 0; f < total; f++) {
    const nowMs = (f * 1000) / FRAME_HZ;
    const tick = Math.floor((nowMs * PRESENCE_HZ) / 1000);
    if (tick !== sentTick) {
      sentTick = tick;
      receiver.enqueue(sent[tick]!, nowMs);
      receiver.drain(); // the receive phase: not the avatar system's cost
    }
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(f + k) % runs.length]!; // alternating who goes first
      const start = process.cpuUsage();
      run.system.update(camera.position, frustum, nowMs);
      const used = process.cpuUsage(start);
      if (f < warm) continue;
      const ms = (used.user + used.system) / 1000;
      run.times.push(ms);
      run.sum += ms;
      run.animated += run.registry.stats.updatedThisFrame;
      run.near += run.registry.stats.nearAvatars;
    }
  }
  return runs.map(({ times, sum, animated, near }) => {
    times.sort((a, b) => a - b);
    const at = (q: number) => +times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
    return { avatars, frames, cpuMs: { median: at(0.5), p90: at(0.9), mean: +(sum / frames).toFixed(3) }, animatedPerFrame: +(animated / frames).toFixed(1), nearAvatars: Math.round(near / frames) };
  });
}
