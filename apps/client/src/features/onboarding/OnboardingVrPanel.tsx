import { useFrame } from "@react-three/fiber";
import { Container, Text } from "@react-three/uikit";
import { useMemo, useRef } from "react";
import { Vector3, type Group } from "three";
import { FrameOrder } from "../../frame-order.js";
import { useSession, useSessionUi } from "../../session-context.js";
import { useT } from "../i18n/language-context.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { WORLD_UI_KEY } from "../xr/create-xr-handle.js";
import { PIXEL_SIZE, UI, uiFontFamilies } from "../xr-ui/ui-theme.js";
import type { OnboardingClient } from "./onboarding-client.js";
import { hintOf, instructionOf } from "./onboarding-words.js";
import { useOnboardingUi } from "./use-onboarding.js";
import { useRayClaim } from "./use-ray-claim.js";

const AHEAD = 1.1; // metres in front of the eyes
const LEFT = 0.35; // metres to the left: the middle of the view stays free for what the step points at
const FOLLOW = 1.5; // 1/s: catches up with the head lazily (the panel moves, never the view)
const TAB = ""; // outside the hand menu

/**
 * The onboarding in VR: a world-space panel ahead and to the left of the head with the step's one
 * instruction, the hint when it is due, the comfort and height choices where the step asks for
 * them, and a skip. Part of the lazily loaded in-world kit; follows the head slowly.
 */
export default function OnboardingVrPanel({ client }: { client: OnboardingClient }) {
  const { rig, comfort, store } = useSession();
  const t = useT();
  const run = useOnboardingUi(client, (s) => s.run);
  const seated = useSessionUi((s) => s.seated);
  const group = useRef<Group>(null);
  const placed = useRef(false);
  const goal = useMemo(() => new Vector3(), []);
  const fontFamilies = useMemo(() => uiFontFamilies(import.meta.env.BASE_URL), []);
  const claim = useRayClaim();

  useFrame((_, dt) => {
    const g = group.current;
    if (!g) return;
    const [x, y, z] = rig.head.p;
    const [qx, qy, qz, qw] = rig.head.q;
    const fx = -2 * (qx * qz + qw * qy);
    const fz = -(1 - 2 * (qx * qx + qy * qy));
    const len = Math.hypot(fx, fz) || 1;
    goal.set(x + (fx / len) * AHEAD + (fz / len) * LEFT, y - 0.1, z + (fz / len) * AHEAD - (fx / len) * LEFT);
    if (!placed.current) g.position.copy(goal);
    else g.position.lerp(goal, Math.min(1, dt * FOLLOW));
    placed.current = true;
    g.lookAt(x, y - 0.1, z);
  }, FrameOrder.worldUi);

  if (!run) return null;
  const step = run.step;
  const chosen = () => client.feed({ kind: "comfort", at: client.now() });
  return (
    // Marked for the controller's ray (as the hand menu is); while it rests here, its trigger presses the panel only.
    <group ref={group} name="onboarding-vr-panel" userData={{ [WORLD_UI_KEY]: true }}>
      <Container pixelSize={PIXEL_SIZE} width={440} flexDirection="column" gap={10} padding={16} borderRadius={12} backgroundColor={UI.panel} borderWidth={3} borderColor={UI.active} fontFamilies={fontFamilies} {...claim}>
        <Text fontSize={UI.small} color={UI.muted}>
          {step ? `${t("onboarding.title")} · ${t("onboarding.stepOf", { n: run.index + 1, count: run.steps.length })}` : t("onboarding.title")}
        </Text>
        <Text fontSize={20} color={UI.text}>
          {step ? instructionOf(t, step, run.device) : `${t("onboarding.doneTitle")}. ${t("onboarding.doneText")}`}
        </Text>
        {step && run.hintDue && (
          <Text fontSize={UI.fontSize} color={UI.warn}>
            {hintOf(t, step, run.device)}
          </Text>
        )}
        {step === "comfort" && (
          <Container flexDirection="row" flexWrap="wrap" gap={6}>
            <UiButton id="onboarding:teleport" tab={TAB} label={t("onboarding.comfort.teleport")} onPress={() => { comfort.getState().set({ locomotion: "teleport" }); chosen(); }} />
            <UiButton id="onboarding:smooth" tab={TAB} label={t("onboarding.comfort.smooth")} onPress={() => { comfort.getState().set({ locomotion: "smooth" }); chosen(); }} />
            <UiButton id="onboarding:seated" tab={TAB} label={t("onboarding.comfort.seated")} selected={seated} onPress={() => { store.getState().setSeated(true); chosen(); }} />
            <UiButton id="onboarding:standing" tab={TAB} label={t("onboarding.comfort.standing")} selected={!seated} onPress={() => { store.getState().setSeated(false); chosen(); }} />
          </Container>
        )}
        {step === "height" && (
          <UiButton id="onboarding:height" tab={TAB} label={t("onboarding.comfort.height")} onPress={() => { rig.recalibrateHeight = true; client.feed({ kind: "posture", at: client.now() }); }} />
        )}
        <Container flexDirection="row" justifyContent="flex-end">
          {step ? (
            <UiButton id="onboarding:skip" tab={TAB} label={t("onboarding.skip")} width={200} onPress={() => client.skip()} />
          ) : (
            <UiButton id="onboarding:close" tab={TAB} label={t("onboarding.close")} width={160} onPress={() => client.close()} />
          )}
        </Container>
      </Container>
    </group>
  );
}
