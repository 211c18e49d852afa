import type { MessageKey } from "@otc/i18n";
import { Container, Text } from "@react-three/uikit";
import { useSessionUi } from "../../session-context.js";
import type { ConnectionStatus } from "../connection/session-store.js";
import { useT } from "../i18n/language-context.js";
import { useCountdown } from "../timer/use-timer.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { PIXEL_SIZE, UI } from "../xr-ui/ui-theme.js";

/** The connection state in a word or two: the chip is small (the desktop's line says how to rejoin). */
const STATUS_SHORT: Record<ConnectionStatus, MessageKey> = {
  connected: "vrmenu.wrist.connected",
  reconnecting: "vrmenu.wrist.reconnecting",
  disconnected: "vrmenu.wrist.disconnected",
};

/** Always on the left wrist in VR: the connection state, whether the microphone is on, and the facilitator's countdown. */
export function WristChip({ fontFamilies }: { fontFamilies: { sans: { normal: string } } }) {
  const t = useT();
  const status = useSessionUi((s) => s.status);
  const muted = useVoiceUi((s) => s.muted);
  const mic = useVoiceUi((s) => s.mic);
  const light = status === "connected" ? UI.ok : status === "reconnecting" ? UI.warn : UI.bad;
  const micText = t(mic === "denied" ? "vrmenu.wrist.micBlocked" : muted ? "vrmenu.wrist.muted" : "vrmenu.wrist.micOn");
  const countdown = useCountdown(); // the facilitator's timer, when one runs
  return (
    <Container pixelSize={PIXEL_SIZE} anchorY="top" flexDirection="row" alignItems="center" gap={6} paddingX={8} paddingY={5} borderRadius={10} backgroundColor={UI.panel} fontFamilies={fontFamilies}>
      <Container width={10} height={10} borderRadius={5} backgroundColor={light} />
      <Text fontSize={UI.small} color={UI.text}>
        {`${t(STATUS_SHORT[status])} · ${micText}`}
      </Text>
      {countdown && <Text fontSize={UI.fontSize} color={countdown === "0:00" ? UI.bad : UI.text}>{t("vrmenu.wrist.timer", { time: countdown })}</Text>}
    </Container>
  );
}
