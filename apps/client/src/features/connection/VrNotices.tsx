import { useFrame } from "@react-three/fiber";
import { Container, Text, type VanillaContainer } from "@react-three/uikit";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Vector3, type Group } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession, useSessionUi } from "../../session-context.js";
import { PIXEL_SIZE, UI, uiFontFamilies } from "../xr-ui/ui-theme.js";
import { useT } from "../i18n/language-context.js";
import { word } from "../i18n/wording.js";
import { statusKey } from "./status-key.js";

const AHEAD = 0.7; // metres in front of the eyes
const BELOW = 0.22; // metres under eye level: low in the view, out of the way
const ASIDE = 0.24; // metres to the right while the hand menu is open, so the menu (nearer, lower left) does not hide it
const FOLLOW = 2.5; // 1/s: how fast the panel catches up with the head (lazily)
const FADE = 3; // 1/s: fade in and out over about a third of a second

/**
 * In VR, what the desktop status line and notice show: the server's notices and refusals, and
 * "Reconnecting…"/"Disconnected" while the connection is not up, "Going to …" through a door. A small panel low in the view that
 * follows the head lazily and fades in and out. The same session store backs both.
 */
export function VrNotices() {
  const { rig, worldUi } = useSession();
  const status = useSessionUi((s) => s.status);
  const t = useT();
  const wording = useSessionUi((s) => s.notice);
  const goingTo = useSessionUi((s) => s.goingTo);
  const notice = wording && word(t, wording);
  const text = goingTo
    ? t("status.goingTo", { room: goingTo })
    : status !== "connected"
      ? notice ? `${t(statusKey(status, wording))} · ${notice}` : t(statusKey(status, wording))
      : notice;
  const [shown, setShown] = useState<string | null>(text);
  const group = useRef<Group>(null);
  const panel = useRef<VanillaContainer>(null);
  // `dirty`: a React render reset the panel's properties to its props, so the fade is applied again
  const fade = useRef({ opacity: 0, placed: false, dirty: true });
  const goal = useMemo(() => new Vector3(), []);
  const fontFamilies = useMemo(() => uiFontFamilies(import.meta.env.BASE_URL), []);

  useEffect(() => {
    worldUi.notice = text;
    if (text) setShown(text); // when it clears, the last text stays while it fades out
    return () => {
      worldUi.notice = null;
    };
  }, [text, worldUi]);

  useLayoutEffect(() => {
    fade.current.dirty = true;
  });
  useEffect(() => {
    const object = panel.current;
    if (!object || !shown) return;
    worldUi.targets.set("notice", { object, label: shown, tab: "" }); // not pressable: listed so a test can find the panel in the world
    return () => void worldUi.targets.delete("notice");
  }, [worldUi, shown]);

  useFrame((_, dt) => {
    const g = group.current;
    if (!g) return;
    const [x, y, z] = rig.head.p;
    const [qx, qy, qz, qw] = rig.head.q;
    // forward (−Z) of the head, flattened to the floor: the panel stays low even when looking up
    const fx = -2 * (qx * qz + qw * qy);
    const fz = -(1 - 2 * (qx * qx + qy * qy));
    const len = Math.hypot(fx, fz) || 1;
    const side = worldUi.menu.getState().open ? ASIDE : 0;
    goal.set(x + (fx / len) * AHEAD - (fz / len) * side, y - BELOW, z + (fz / len) * AHEAD + (fx / len) * side);
    const f = fade.current;
    if (!f.placed) g.position.copy(goal);
    else g.position.lerp(goal, Math.min(1, dt * FOLLOW));
    f.placed = true;
    g.lookAt(x, y, z);
    const target = text ? 1 : 0;
    const step = Math.min(1, dt * FADE);
    const next = Math.abs(target - f.opacity) <= step ? target : f.opacity + Math.sign(target - f.opacity) * step;
    if ((next !== f.opacity || f.dirty) && panel.current) {
      f.opacity = next;
      f.dirty = false;
      panel.current.setProperties({ opacity: next });
    }
    g.visible = f.opacity > 0;
    worldUi.noticeOpacity = f.opacity;
  }, FrameOrder.worldUi);

  if (!shown) return null;
  return (
    <group ref={group} visible={false}>
      <Container ref={panel} pixelSize={PIXEL_SIZE} maxWidth={480} paddingX={16} paddingY={12} borderRadius={12} backgroundColor={status === "connected" ? UI.panel : UI.danger} fontFamilies={fontFamilies}>
        <Text fontSize={22} color={UI.text}>
          {shown}
        </Text>
      </Container>
    </group>
  );
}
