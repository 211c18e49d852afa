import { Vector3, type Object3D } from "three";
import type { WorldUi } from "./world-ui.js";

/** What the VR hand menu and notice panel show, for browser tests: read, never driven. */
export interface WorldUiView {
  open: boolean;
  tab: string;
  tabs: string[];
  /** The right controller's ray is on the menu. */
  hovered: boolean;
  /** Id of the target under the ray. */
  hoveredTarget: string | null;
  /** Id of the target a held press went down on. */
  pressedTarget: string | null;
  /** Text of the VR notice panel, null when none shows. */
  notice: string | null;
  /** 0..1: the notice panel fading in (1: fully shown) or out. */
  noticeOpacity: number;
  /** Every pressable target drawn now: its label and where to aim (world metres, its centre). */
  targets: Array<{ id: string; label: string; tab: string; world: [number, number, number]; visible: boolean }>;
}

/** uikit components hide their own Object3D when nothing of theirs needs a render pass; their `isVisible` signal says whether they show. */
type MaybeUikit = Object3D & { isVisible?: { value: boolean } };

function shown(o: Object3D): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) {
    const ui = (p as MaybeUikit).isVisible;
    if (ui ? !ui.value : !p.visible) return false;
  }
  return true;
}

export function worldUiView(ui: WorldUi): WorldUiView {
  const { open, tab } = ui.menu.getState();
  const v = new Vector3();
  return {
    open,
    tab,
    tabs: [...ui.tabs],
    hovered: ui.hovered,
    hoveredTarget: ui.hoveredTarget,
    pressedTarget: ui.pressedTarget,
    notice: ui.notice,
    noticeOpacity: ui.noticeOpacity,
    targets: [...ui.targets.entries()].map(([id, t]) => {
      t.object.getWorldPosition(v);
      return { id, label: t.label, tab: t.tab, world: [v.x, v.y, v.z], visible: shown(t.object) };
    }),
  };
}
