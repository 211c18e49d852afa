import { Container, Text } from "@react-three/uikit";
import { useSession } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { useGather, useGatherCountdown, useGatherUi } from "./use-gather.js";

const TAB = "gather";

/**
 * Gather in VR. Facilitators: everyone to me or to the seats, "stay here" allowed or not, and cancel
 * during the countdown. Everyone else: the countdown and, when the facilitator allowed it, *Stay here*.
 */
function GatherPanelVr() {
  const t = useT();
  const { selfId } = useSession();
  const client = useGather();
  const gather = useGatherUi((s) => s.gather);
  const left = useGatherCountdown();
  const moderator = useVoiceUi((s) => s.moderator);
  const running = gather !== null && left !== null;
  if (!moderator) {
    if (!running) return <Text fontSize={UI.fontSize} color={UI.muted}>{t("gather.vrNone")}</Text>;
    const staying = gather.staying.includes(selfId);
    return (
      <Container flexDirection="column" gap={6}>
        <Text fontSize={UI.fontSize} color={UI.text}>{staying ? t("gather.staying") : t("gather.vrCountdown", { n: left })}</Text>
        {gather.allowStay && !staying && <UiButton id="gather:stay" tab={TAB} label={t("gather.stay")} onPress={() => client.stay()} />}
      </Container>
    );
  }
  return (
    <Container flexDirection="column" gap={6}>
      {running ? (
        <>
          <Text fontSize={UI.fontSize} color={UI.text}>{t("gather.running", { n: left, staying: gather.staying.length })}</Text>
          <UiButton id="gather:cancel" tab={TAB} label={t("gather.cancel")} onPress={() => client.cancel()} />
        </>
      ) : (
        <>
          <UiButton id="gather:me" tab={TAB} label={t("gather.toMe")} onPress={() => client.start({ to: "facilitator", allowStay: false })} />
          <UiButton id="gather:me-stay" tab={TAB} label={t("gather.toMeStay")} onPress={() => client.start({ to: "facilitator", allowStay: true })} />
          <UiButton id="gather:seats" tab={TAB} label={t("gather.toSeatsButton")} onPress={() => client.start({ to: "seats", allowStay: false })} />
        </>
      )}
    </Container>
  );
}

const gatherTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.gather", order: 14, Panel: GatherPanelVr };
export default gatherTab;
