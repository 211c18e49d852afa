import { useFrame } from "@react-three/fiber";
import { Container, type VanillaContainer } from "@react-three/uikit";
import { useLayoutEffect, useRef } from "react";
import { useSession } from "../../session-context.js";
import { UI } from "../xr-ui/ui-theme.js";

const STEPS = 20; // the bar moves in 5 % steps: a new matrix only when a step changes
const FULL = 0.25; // RMS shown as a full bar (a raised voice)

/**
 * The live level of one's own microphone, for the VR menu: read per frame from the voice levels, no React
 * state, and drawn as a scale of a full-width bar (a transform: no flexbox re-layout of the whole menu,
 * which a changing width cost up to 20 times a second while one speaks).
 */
export function VrMicLevel() {
  const { voice, selfId } = useSession();
  const bar = useRef<VanillaContainer>(null);
  const shown = useRef(-1);
  useLayoutEffect(() => {
    shown.current = -1; // a render reset the bar to its props: draw the level again
  });
  useFrame(() => {
    const cue = voice.levels.get(selfId);
    const step = cue && !cue.muted ? Math.min(STEPS, Math.round((cue.level / FULL) * STEPS)) : 0;
    if (step === shown.current || !bar.current) return;
    shown.current = step;
    bar.current.setProperties({ transformScaleX: step / STEPS });
  });
  return (
    <Container height={10} width="100%" borderRadius={5} backgroundColor={UI.button} flexDirection="row">
      <Container ref={bar} height={10} width="100%" transformOriginX="left" transformScaleX={0} borderRadius={5} backgroundColor={UI.ok} />
    </Container>
  );
}
