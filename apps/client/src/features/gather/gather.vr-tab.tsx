import { Container, Text } from "@react-three/uikit";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { useGather, useGatherCountdown, useGatherUi } from "./use-gather.js";

const TAB = "gather";

/** Gather in VR (facilitators): everyone to me or to the seats, and cancel during the countdown. */
function GatherPanelVr() {
  const t = useT();
  const client = useGather();
  const gather = useGatherUi((s) => s.gather);
  const left = useGatherCountdown();
  return (
    <Container flexDirection="column" gap={6}>
      {gather && left !== null ? (
        <>
          <Text fontSize={UI.fontSize} color={UI.text}>{t("gather.running", { n: left, staying: gather.staying.length })}</Text>
          <UiButton id="gather:cancel" tab={TAB} label={t("gather.cancel")} onPress={() => client.cancel()} />
        </>
      ) : (
        <>
          <UiButton id="gather:me" tab={TAB} label={t("gather.toMe")} onPress={() => client.start({ to: "facilitator", allowStay: false })} />
          <UiButton id="gather:seats" tab={TAB} label={t("gather.toSeatsButton")} onPress={() => client.start({ to: "seats", allowStay: false })} />
        </>
      )}
    </Container>
  );
}

const gatherTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.gather", order: 14, Panel: GatherPanelVr, visible: ({ moderator }) => moderator };
export default gatherTab;
