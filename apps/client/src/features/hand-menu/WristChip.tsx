import { Container, Text } from "@react-three/uikit";
import { useSessionUi } from "../../session-context.js";
import { STATUS_TEXT } from "../connection/StatusLine.js";
import { useCountdown } from "../timer/use-timer.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { PIXEL_SIZE, UI } from "../xr-ui/ui-theme.js";

/** Always on the left wrist in VR: the connection state, whether the microphone is on, and the facilitator's countdown. */
export function WristChip({ fontFamilies }: { fontFamilies: { sans: { normal: string } } }) {
  const status = useSessionUi((s) => s.status);
  const muted = useVoiceUi((s) => s.muted);
  const mic = useVoiceUi((s) => s.mic);
  const light = status === "connected" ? UI.ok : status === "reconnecting" ? UI.warn : UI.bad;
  const micText = mic === "denied" ? "Mic blocked" : muted ? "Muted" : "Mic on";
  const countdown = useCountdown(); // the facilitator's timer, when one runs
  return (
    <Container pixelSize={PIXEL_SIZE} anchorY="top" flexDirection="row" alignItems="center" gap={6} paddingX={8} paddingY={5} borderRadius={10} backgroundColor={UI.panel} fontFamilies={fontFamilies}>
      <Container width={10} height={10} borderRadius={5} backgroundColor={light} />
      <Text fontSize={UI.small} color={UI.text}>
        {`${status === "connected" ? "Connected" : STATUS_TEXT[status].split(" — ")[0]} · ${micText}`}
      </Text>
      {countdown && <Text fontSize={UI.fontSize} color={countdown === "0:00" ? UI.bad : UI.text}>{`Timer ${countdown}`}</Text>}
    </Container>
  );
}
