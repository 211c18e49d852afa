import { useFrame } from "@react-three/fiber";
import { Container, Text } from "@react-three/uikit";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { Group } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession, useSessionUi } from "../../session-context.js";
import { closedBy } from "../connection/leave-session.js";
import { useT } from "../i18n/language-context.js";
import { WORLD_UI_KEY } from "../xr/create-xr-handle.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { OVER_ROOM, PIXEL_SIZE, UI, uiFontFamilies } from "../xr-ui/ui-theme.js";
import { SurveyQuestionsVr } from "./SurveyQuestionsVr.js";
import { useSurvey } from "./use-survey.js";

const PREFIX = "survey-end";
const AHEAD = 0.75; // metres in front of the eyes
const BELOW = 0.05; // metres under eye level
const THANKS_MS = 2500; // the thanks stays this long before the headset view closes
const GRACE_MS = 5 * 60_000; // unanswered, the headset view closes after this anyway

/**
 * When the session ends, or they leave it (the hand menu's Leave now), a participant in VR is offered the survey on a panel in front of them
 * instead of being taken out of VR at once: while this is mounted (in VR, a participant) it holds
 * `worldUi.holdExit`, so LeaveVrWhenGone leaves ending the XR session to it; it ends it after the
 * answers are sent (a moment for the thanks), on Skip, after GRACE_MS, or at once when there is
 * nothing to answer (answered already, no survey). The answers go over HTTP, which the server takes
 * after the room has closed. The hand menu closes so the panel is what they see.
 */
export function SurveyAtEndVr() {
  const { worldUi, selfId } = useSession();
  const role = useSessionUi((s) => s.participants.find((p) => p.id === selfId)?.role);
  const over = useSessionUi(closedBy);
  useEffect(() => {
    if (role !== undefined) worldUi.holdExit = role === "participant"; // the last role known stays through the end
  }, [role, worldUi]);
  useEffect(() => () => void (worldUi.holdExit = false), [worldUi]);
  if (over === null || !worldUi.holdExit) return null;
  return <EndPanel left={over === "left"} />;
}

function EndPanel({ left }: { left: boolean }) {
  const t = useT();
  const { worldUi, xr, rig } = useSession();
  const leave = useCallback(() => void xr.store.getState().session?.end().catch(() => undefined), [xr]);
  const survey = useSurvey(true);
  const group = useRef<Group>(null);
  const hovered = useRef(false);
  const placed = useRef(false);
  const fontFamilies = useMemo(() => uiFontFamilies(import.meta.env.BASE_URL), []);
  const { phase } = survey;

  useEffect(() => worldUi.menu.setState({ open: false, byPalm: false }), [worldUi]);
  useEffect(() => {
    if (phase === "already" || phase === "unavailable") return leave();
    const wait = phase === "sent" ? THANKS_MS : phase === "loading" ? null : GRACE_MS;
    if (wait === null) return;
    const timer = window.setTimeout(leave, wait);
    return () => window.clearTimeout(timer);
  }, [phase, leave]);
  useEffect(
    () => () => {
      rig.handsOnUi.right = false;
    },
    [rig],
  );

  useFrame(() => {
    const g = group.current;
    if (!g) return;
    if (!placed.current) {
      // Placed once, in front of where the person looks, level with the eyes; it stays there to be read.
      const [x, y, z] = rig.head.p;
      const [qx, qy, qz, qw] = rig.head.q;
      const fx = -2 * (qx * qz + qw * qy);
      const fz = -(1 - 2 * (qx * qx + qy * qy));
      const len = Math.hypot(fx, fz) || 1;
      g.position.set(x + (fx / len) * AHEAD, y - BELOW, z + (fz / len) * AHEAD);
      g.lookAt(x, y - BELOW, z);
      placed.current = true;
      g.visible = true;
    }
    // The hand menu (closed) no longer claims the ray: while it is on this panel, boards and teleport leave the trigger to it.
    const pressing = worldUi.pressedTarget?.startsWith(`${PREFIX}:`) === true && xr.store.getState().session !== null;
    if (hovered.current || pressing) rig.handsOnUi.right = true;
  }, FrameOrder.worldUi);

  return (
    <group ref={group} visible={false} userData={{ [WORLD_UI_KEY]: true }}>
      <Container
        pixelSize={PIXEL_SIZE}
        {...OVER_ROOM}
        width={420}
        flexDirection="column"
        padding={14}
        gap={10}
        borderRadius={16}
        backgroundColor={UI.panel}
        fontFamilies={fontFamilies}
        onPointerEnter={() => void (hovered.current = true)}
        onPointerLeave={() => void (hovered.current = false)}
      >
        <Text fontSize={UI.fontSize} color={UI.warn}>
          {t(left ? "leave.leftVr" : "survey.endedVr")}
        </Text>
        <SurveyQuestionsVr survey={survey} prefix={PREFIX} tab="" sendAnyPage after={<UiButton id={`${PREFIX}:skip`} label={t(phase === "sent" ? "survey.close" : "survey.skip")} onPress={leave} />} />
      </Container>
    </group>
  );
}
