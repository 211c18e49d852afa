import type { XRStore } from "@react-three/xr";
import type { XRDevice } from "iwer";
import { Vector3 } from "three";
import type { Session } from "../../session-context.js";

type Vec3 = [number, number, number];

/** Read-only view of the running client for the browser tests (`?xr=emulate` or `?testhooks=1`). */
export interface OtcTestHooks {
  readonly frames: number;
  readonly xrStore: XRStore;
  readonly xrDevice: XRDevice | null;
  readonly sessionId: string;
  readonly selfId: string;
  participants(): Array<{ id: string; name: string; device: string; connected: boolean }>;
  remoteAvatars(): Array<{ id: string; head: Vec3; left: Vec3 | null; right: Vec3 | null }>;
  localHead(): Vec3;
  /** Head rotation quaternion [x, y, z, w], world space. */
  localHeadRotation(): [number, number, number, number];
  /** Connection state code ("connected" | "reconnecting" | "disconnected"), not the displayed words. */
  readonly status: string;
  readonly sentPoses: number;
  /** What the renderer drew in the last frame, and the frame count, for the render benchmark. */
  renderInfo(): { calls: number; triangles: number; frames: number };
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

const v = new Vector3();
function worldOf(o: { getWorldPosition(target: Vector3): Vector3 }): Vec3 {
  o.getWorldPosition(v);
  return [v.x, v.y, v.z];
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
    participants: () => session.store.getState().participants.map(({ id, name, device, connected }) => ({ id, name, device, connected })),
    remoteAvatars: () =>
      Array.from(session.avatars)
        .filter(([, parts]) => parts.head.parent?.visible === true) // not yet posed: nothing rendered
        .map(([id, parts]) => ({
        id,
        head: worldOf(parts.head),
        left: parts.tracked.left ? worldOf(parts.left) : null,
        right: parts.tracked.right ? worldOf(parts.right) : null,
        })),
    localHead: () => [...session.rig.head.p],
    localHeadRotation: () => [...session.rig.head.q],
    get status() {
      return session.store.getState().status;
    },
    renderInfo: () => ({ ...session.counters.lastRender, frames: session.counters.frames }),
    get sentPoses() {
      return session.counters.sentPoses;
    },
  };
  window.__otc = hooks;
  return () => {
    if (window.__otc === hooks) delete window.__otc;
  };
}
