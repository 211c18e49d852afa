import type { Mesh, ShaderMaterial } from "three";
import type { Session } from "../../session-context.js";
import type { ComfortSettings } from "./comfort-settings.js";
import { VIGNETTE_NAME } from "./ComfortVignette.js";

/** What the comfort feature shows, for browser tests: the settings and the vignette as found in the scene. */
export interface ComfortView {
  settings: ComfortSettings;
  /** The vignette mesh in the rendered scene: shown or not, and its opacity; null before the XR UI loaded. */
  vignette: { visible: boolean; opacity: number } | null;
  /** The head as the last rendered frame placed it (world metres), that frame's time (ms, performance.now) and the rig's walking seconds so far; the head now before the XR UI loaded. */
  lastFrame: { p: [number, number, number]; t: number; walkS: number };
}

export function comfortView(session: Session): ComfortView {
  const { set: _omit, ...settings } = session.comfort.getState();
  const mesh = session.counters.scene?.getObjectByName(VIGNETTE_NAME) as Mesh | undefined;
  const vignette = mesh ? { visible: mesh.visible, opacity: (mesh.material as ShaderMaterial).uniforms.opacity!.value as number } : null;
  const frame = mesh?.userData.lastFrame as ComfortView["lastFrame"] | undefined;
  return { settings, vignette, lastFrame: frame ?? { p: [...session.rig.head.p], t: performance.now(), walkS: session.rig.walkSeconds } };
}
