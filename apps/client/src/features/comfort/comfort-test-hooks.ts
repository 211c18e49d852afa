import type { Mesh, ShaderMaterial } from "three";
import type { Session } from "../../session-context.js";
import type { ComfortSettings } from "./comfort-settings.js";
import { VIGNETTE_NAME } from "./ComfortVignette.js";

/** What the comfort feature shows, for browser tests: the settings and the vignette as found in the scene. */
export interface ComfortView {
  settings: ComfortSettings;
  /** The vignette mesh in the rendered scene: shown or not, and its opacity; null before the XR UI loaded. */
  vignette: { visible: boolean; opacity: number } | null;
}

export function comfortView(session: Session): ComfortView {
  const { set: _omit, ...settings } = session.comfort.getState();
  const mesh = session.counters.scene?.getObjectByName(VIGNETTE_NAME) as Mesh | undefined;
  const vignette = mesh ? { visible: mesh.visible, opacity: (mesh.material as ShaderMaterial).uniforms.opacity!.value as number } : null;
  return { settings, vignette };
}
