import type { Object3D } from "three";
import { createStore, type StoreApi } from "zustand/vanilla";
import { nextMenuOpen, type MenuOpenEvent } from "./menu-open.js";

/** Discrete state of the hand menu (per-frame placement lives in refs, not here). */
export interface HandMenuState {
  open: boolean;
  byPalm: boolean;
  /** Id of the tab shown. */
  tab: string;
  apply(event: MenuOpenEvent): void;
  setTab(tab: string): void;
}

export type HandMenuStore = StoreApi<HandMenuState>;

/** A pressable target in the in-world UI, as the test hooks report it (label read when asked). */
export interface WorldUiTarget {
  object: Object3D;
  label: string;
  /** The menu tab it belongs to, or "" outside the menu (the wrist chip, notices). */
  tab: string;
}

/**
 * The in-world UI's state for one session: the hand menu store, the pressable targets (for the test
 * hooks and for nothing else), and the notice text the VR notice panel shows. Created with the session
 * in the main chunk (tiny); the UI that fills it is the lazy XR UI chunk.
 */
export interface WorldUi {
  menu: HandMenuStore;
  targets: Map<string, WorldUiTarget>;
  /** What the VR notice panel shows now (null: hidden), written by the panel as it shows and fades. */
  notice: string | null;
  /** How far the notice panel has faded in, 0..1 (written per frame by the panel). */
  noticeOpacity: number;
  /** The menu panel is under the right controller's ray now (set by its pointer enter/leave). */
  hovered: boolean;
  /** Id of the target the ray is on, null when none. */
  hoveredTarget: string | null;
  /** Id of the target a press went down on and is still held, null when none (released: it acted). */
  pressedTarget: string | null;
  /** Ids of the tabs the menu offers this person now, in order (a facilitator sees more). */
  tabs: string[];
  /**
   * Set by the end-of-session survey (a participant in VR): when the session ends, it keeps the person
   * in VR to answer and ends the XR session itself (LeaveVrWhenGone leaves it to it).
   */
  holdExit: boolean;
}

export function createWorldUi(): WorldUi {
  const menu = createStore<HandMenuState>()((set, get) => ({
    open: false,
    byPalm: false,
    tab: "me",
    apply: (event) => {
      const { open, byPalm } = get();
      const next = nextMenuOpen({ open, byPalm }, event);
      if (next.open !== open || next.byPalm !== byPalm) set(next);
    },
    setTab: (tab) => set({ tab }),
  }));
  return { menu, targets: new Map(), notice: null, noticeOpacity: 0, hovered: false, hoveredTarget: null, pressedTarget: null, tabs: [], holdExit: false };
}
