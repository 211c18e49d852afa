import type { XRStore } from "@react-three/xr";
import type { XRDevice } from "iwer";
import { resolveWalk } from "@otc/rooms";
import { createTranslator } from "@otc/i18n";
import { word } from "../i18n/wording.js";
import { Quaternion, Vector3 } from "three";
import type { Session } from "../../session-context.js";
import { meshCount } from "../room/load-environment.js";
import { textureBytesOf } from "../render/texture-memory.js";
import type { AvatarRegistry, AvatarView } from "../avatars/avatar-registry.js";
import { comfortView, type ComfortView } from "../comfort/comfort-test-hooks.js";
import { worldUiView, type WorldUiView } from "../hand-menu/world-ui-test-hooks.js";
import { voiceTestHooks, type VoiceTestHooks } from "../voice/voice-test-hooks.js";
import { whiteboardTestHooks, type WhiteboardTestHooks } from "../whiteboard/whiteboard-test-hooks.js";

type Vec3 = [number, number, number];

/** Read-only view of the running client for the browser tests (`?xr=emulate` or `?testhooks=1`). */
export interface OtcTestHooks {
  readonly frames: number;
  readonly xrStore: XRStore;
  readonly xrDevice: XRDevice | null;
  readonly sessionId: string;
  readonly selfId: string;
  participants(): Array<{ id: string; name: string; device: string; role: string; connected: boolean }>;
  /** Remote avatars as drawn: head, tracked hands, arm joints, level of detail, cues, model state. */
  remoteAvatars(): Array<Pick<AvatarView, "id" | "head" | "left" | "right" | "arms" | "lod" | "cues" | "model" | "bodyYaw">>;
  /** The avatar system's own cost last frame (instances, avatars animated, ms). */
  avatarStats(): AvatarRegistry["stats"];
  /** Reactions received from others, oldest first. */
  reactionsSeen(): Array<{ id: string; reaction: string }>;
  /** Test-only stand-in for the voice feature: drives a participant's speaking level and muted icon. */
  setVoice(participantId: string, level: number, muted: boolean): void;
  /** Desktop only, for screenshots: stands at (x, z) and looks at a point, as a person would by walking and turning. */
  standAndLook(x: number, z: number, target: Vec3): void;
  /** Uploaded models loaded so far and how long each took, ms. */
  modelLoads(): Array<{ url: string; ms: number }>;
  localHead(): Vec3;
  /** Head rotation quaternion [x, y, z, w], world space. */
  localHeadRotation(): [number, number, number, number];
  /** Connection state code ("connected" | "reconnecting" | "disconnected"), not the displayed words. */
  readonly status: string;
  readonly sentPoses: number;
  /** Walks to a floor point the way a click on the floor does (click-to-walk). */
  walkTo(x: number, z: number): void;
  /** The room file the page loaded. */
  layout(): unknown;
  /** Meshes of the imported room model in the scene (0 for a built-in room), and its notice if it fell back. */
  environment(): { meshes: number; inScene: boolean; notice: string | null };
  /** What the renderer drew in the last frame, and the frame count, for the render benchmark. */
  /** Whether an object of that name is in the drawn scene and shown (it and every parent visible). */
  shown(name: string): boolean;
  renderInfo(): { calls: number; triangles: number; textures: number; geometries: number; textureBytes: number; frames: number };
  /** Voice: mic, mute, speaking cues, per-speaker RTP counters and levels. */
  readonly voice: VoiceTestHooks;
  /** Whiteboards: board models as this page holds them, board points on screen and in the world. */
  readonly whiteboard: WhiteboardTestHooks;
  /** VR hand menu (open, tab, targets with world positions to aim at) and the VR notice panel. */
  worldUi(): WorldUiView;
  comfort(): ComfortView;
  /** Hands whose trigger the in-world UI holds (neither draws nor teleports). */
  handsOnUi(): { left: boolean; right: boolean };
  /** Room switches of this page (doors): from, to, and when the door was used, answered, joined and first drawn (performance.now() ms). */
  roomSwitches(): Array<{ from: string; to: string; startedAt: number; askedAt: number; connectedAt: number; joinedAt: number; firstFrameAt: number | null }>;
  /** The XR origin's world pose (position, quaternion), to turn world points into the emulated device's space; null outside VR. */
  xrOrigin(): { p: Vec3; q: [number, number, number, number] } | null;
}

declare global {
  interface Window {
    __otc?: OtcTestHooks;
  }
}

export function testHooksWanted(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.get("xr") === "emulate" || params.get("testhooks") === "1";
}

/** Installs `window.__otc` for this session; returns the uninstaller. */
export function installTestHooks(session: Session): () => void {
  const hooks: OtcTestHooks = {
    get frames() {
      return session.counters.frames;
    },
    xrStore: session.xr.store,
    xrDevice: session.xr.device,
    sessionId: session.sessionId,
    selfId: session.selfId,
    participants: () => session.store.getState().participants.map(({ id, name, device, role, connected }) => ({ id, name, device, role, connected })),
    remoteAvatars: () =>
      Array.from(session.avatars.views.values())
        .filter((a) => a.visible) // not yet posed: nothing rendered
        .map(({ id, head, left, right, arms, lod, cues, model, bodyYaw }) => ({ id, head, left, right, arms, lod, cues, model, bodyYaw })),
    avatarStats: () => ({ ...session.avatars.stats }),
    reactionsSeen: () => [...session.avatars.reactionLog],
    setVoice: (id, level, muted) => {
      // Stands in for the measured voice of this person until the page is closed.
      session.avatars.voice.pin(id, { level, muted });
    },
    modelLoads: () => [...session.avatars.modelLoads],
    standAndLook: (x, z, [tx, ty, tz]) => {
      const { rig } = session;
      rig.desktopHead.set(x, rig.desktopHead.y, z);
      rig.yaw = Math.atan2(-(tx - x), -(tz - z));
      rig.pitch = Math.atan2(ty - rig.desktopHead.y, Math.hypot(tx - x, tz - z));
      rig.walkTarget = null;
      rig.teleported = true;
    },
    localHead: () => [...session.rig.head.p],
    localHeadRotation: () => [...session.rig.head.q],
    get status() {
      return session.store.getState().status;
    },
    shown: (name) => {
      let o = session.counters.scene?.getObjectByName(name) ?? null;
      if (!o) return false;
      for (; o; o = o.parent) if (!o.visible) return false;
      return true;
    },
    renderInfo: () => {
      const { lastRender, scene, frames } = session.counters;
      return { ...lastRender, textureBytes: scene ? textureBytesOf(scene) : 0, frames }; // a scene walk, only when asked
    },
    walkTo: (x, z) => {
      const [tx, tz] = resolveWalk(x, z, 0.25, session.layout.walkable, session.rig.obstacles);
      session.rig.walkTarget = new Vector3(tx, 0, tz);
    },
    layout: () => session.layout,
    environment: () => ({
      meshes: meshCount(session.environment),
      inScene: session.environment?.parent != null,
      notice: wordedNotice(session),
    }),
    get sentPoses() {
      return session.counters.sentPoses;
    },
    voice: voiceTestHooks(session.voice),
    whiteboard: whiteboardTestHooks(session),
    worldUi: () => worldUiView(session.worldUi),
    comfort: () => comfortView(session),
    handsOnUi: () => ({ ...session.rig.handsOnUi }),
    roomSwitches: () => session.counters.roomSwitches.map((r) => ({ ...r })),
    xrOrigin: () => {
      const o = session.rig.origin;
      if (!o) return null;
      o.updateWorldMatrix(true, false);
      const p = new Vector3().setFromMatrixPosition(o.matrixWorld);
      const q = new Quaternion().setFromRotationMatrix(o.matrixWorld);
      return { p: [p.x, p.y, p.z], q: [q.x, q.y, q.z, q.w] };
    },
  };
  window.__otc = hooks;
  return () => {
    if (window.__otc === hooks) delete window.__otc;
  };
}

/** The notice as the page shows it now (in the page's language). */
function wordedNotice(session: Session): string | null {
  const notice = session.store.getState().notice;
  return notice === null ? null : word(createTranslator(document.documentElement.lang || "en"), notice);
}
