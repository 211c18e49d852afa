import { useFrame } from "@react-three/fiber";
import { Container } from "@react-three/uikit";
import { useXR } from "@react-three/xr";
import { useEffect, useMemo, useRef } from "react";
import type { Group } from "three";
import { useStore } from "zustand";
import { FrameOrder } from "../../frame-order.js";
import { useSession } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { WORLD_UI_KEY } from "../xr/create-xr-handle.js";
import { isPressed } from "../xr/pressed.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { PIXEL_SIZE, UI, uiFontFamilies } from "../xr-ui/ui-theme.js";
import type { MenuTab } from "./menu-tab.js";
import { palmUp } from "./palm-up.js";
import { TAB_GAP, TAB_INSET, tabCellWidth, tabFontSize, tabRows } from "./tab-grid.js";
import { WristChip } from "./WristChip.js";

/**
 * Every capability's tab: `features/<capability>/<name>.vr-tab.tsx` default exports. Found at build
 * time, so adding a tab edits no other file.
 */
const TABS: readonly MenuTab[] = Object.values(import.meta.glob<{ default: MenuTab }>("../*/*.vr-tab.tsx", { eager: true }))
  .map((m) => m.default)
  .sort((a, b) => a.order - b.order);

/**
 * The button that opens and closes the menu: the left thumbstick press (xr-standard index 3). Quest
 * browsers keep the left controller's menu button for the system, so WebXR (and IWER's Quest 3
 * profile) exposes no menu button; the thumbstick press is free (X, Y are 👍 and the mic).
 */
const MENU_BUTTON = 3;
const PRESS = 0.5;
const ABOVE_WRIST = 0.06; // metres from the grip to the panel's bottom edge
/** The menu panel, in panel pixels (mm). */
const WIDTH = 320;
const PADDING = 10;
const CELL = tabCellWidth(WIDTH - 2 * PADDING);

/**
 * The hand menu shell: opens with the left thumbstick press or by turning the left palm up towards
 * the face, sits over the left wrist facing the eyes and follows it, and shows the tabs capabilities
 * register. It owns layout and opening only; each tab owns its content. Pressed with the right
 * controller's ray (the one library pointer, see xr/create-xr-handle.ts); while that ray is on the
 * panel, or the trigger pressed there is still held, `rig.handsOnUi.right` keeps boards and teleport
 * from also taking the press.
 */
export function HandMenu() {
  const { rig, worldUi, xr, comfort } = useSession();
  const session = useXR((s) => s.session);
  const open = useStore(worldUi.menu, (s) => s.open);
  const chosen = useStore(worldUi.menu, (s) => s.tab);
  const moderator = useVoiceUi((s) => s.moderator);
  const tabs = useMemo(() => TABS.filter((t) => t.visible?.({ moderator }) ?? true), [moderator]);
  const tab = tabs.find((t) => t.id === chosen) ?? tabs[0];
  const fontFamilies = useMemo(() => uiFontFamilies(import.meta.env.BASE_URL), []);
  const t = useT();
  const group = useRef<Group>(null);
  const input = useRef({ buttonDown: false, palmUp: false });

  useEffect(() => {
    worldUi.tabs = tabs.map((t) => t.id);
  }, [worldUi, tabs]);
  useEffect(
    () => () => {
      worldUi.hovered = false;
      rig.handsOnUi.right = false;
    },
    [worldUi, rig],
  );

  useFrame(() => {
    const g = group.current;
    const s = xr.store.getState().session;
    if (!g || !s) return;
    const menu = worldUi.menu.getState();
    let left: XRInputSource | undefined;
    let right: XRInputSource | undefined;
    for (const source of s.inputSources) {
      if (source.handedness === "left" && source.gamepad) left = source;
      if (source.handedness === "right") right = source; // a controller, or a tracked hand (its pinch presses)
    }
    const down = (left?.gamepad?.buttons[MENU_BUTTON]?.value ?? 0) > PRESS;
    if (down && !input.current.buttonDown) menu.apply("button");
    input.current.buttonDown = down;
    const wrist = rig.left;
    if (wrist) {
      const up = palmUp(wrist, rig.head.p, "left", input.current.palmUp);
      if (up !== input.current.palmUp) menu.apply(up ? "palm-up" : "palm-down");
      input.current.palmUp = up;
      // Comfort settings: the menu's size, and how far past the wrist (away from the eyes) it sits.
      const { menuDistance, menuScale } = comfort.getState();
      const [hx, hy, hz] = rig.head.p;
      const away = Math.hypot(wrist.p[0] - hx, wrist.p[1] - hy, wrist.p[2] - hz) || 1;
      const push = menuDistance / away;
      g.position.set(wrist.p[0] + (wrist.p[0] - hx) * push, wrist.p[1] + ABOVE_WRIST + (wrist.p[1] - hy) * push, wrist.p[2] + (wrist.p[2] - hz) * push);
      g.scale.setScalar(menuScale);
      g.lookAt(hx, hy, hz);
    }
    g.visible = wrist !== null;
    const trigger = right ? isPressed(s, right) : false;
    const isOpen = worldUi.menu.getState().open;
    rig.handsOnUi.right = isOpen && (worldUi.hovered || (rig.handsOnUi.right && trigger));
  }, FrameOrder.worldUi);

  return (
    <group ref={group} userData={{ [WORLD_UI_KEY]: true }}>
      <WristChip fontFamilies={fontFamilies} />
      {open && session && tab && (
        <Container
          pixelSize={PIXEL_SIZE}
          anchorY="bottom"
          width={WIDTH}
          flexDirection="column"
          padding={PADDING}
          gap={8}
          borderRadius={16}
          backgroundColor={UI.panel}
          fontFamilies={fontFamilies}
          onPointerEnter={() => {
            worldUi.hovered = true;
          }}
          onPointerLeave={() => {
            worldUi.hovered = false;
          }}
        >
          <tab.Panel />
          {/* The tabs, last: the panel grows upwards from the wrist, so the tab grid stays put whatever the tab shown. */}
          <Container flexDirection="column" gap={TAB_GAP} paddingTop={8} borderTopWidth={1} borderColor={UI.button}>
            {tabRows(tabs).map((row) => (
              <Container key={row[0]!.id} flexDirection="row" gap={TAB_GAP}>
                {row.map((one) => {
                  const label = t(one.labelKey);
                  return <UiButton key={one.id} id={`tab:${one.id}`} label={label} width={CELL} paddingX={TAB_INSET} fontSize={tabFontSize(label, CELL)} selected={one.id === tab.id} onPress={() => worldUi.menu.getState().setTab(one.id)} />;
                })}
              </Container>
            ))}
          </Container>
        </Container>
      )}
    </group>
  );
}
