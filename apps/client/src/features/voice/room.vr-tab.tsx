import { Container, Text } from "@react-three/uikit";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { useVoice, useVoiceUi } from "./use-voice.js";

const TAB = "room";

/** Room (facilitators): the desktop voice bar's moderation, through the same voice engine calls. */
function RoomPanel() {
  const voice = useVoice();
  const t = useT();
  const locked = useVoiceUi((s) => s.muteLocked);
  const roomSpatial = useVoiceUi((s) => s.roomSpatial);
  return (
    <Container flexDirection="column" gap={8}>
      <UiButton id="room:mute-all" tab={TAB} label={t("voice.muteAll")} onPress={() => voice.moderate({ action: "mute-all" })} />
      <UiButton id="room:lock" tab={TAB} label={t(locked ? "voice.unlock" : "voice.lock")} selected={locked} onPress={() => voice.moderate({ action: "lock", locked: !locked })} />
      <UiButton id="room:spatial" tab={TAB} label={t(roomSpatial ? "voice.spatialOffAll" : "voice.spatialOnAll")} selected={!roomSpatial} onPress={() => voice.moderate({ action: "spatial", spatial: !roomSpatial })} />
      {locked && (
        <Text fontSize={UI.small} color={UI.muted}>
          {t("vrmenu.room.lockedNote")}
        </Text>
      )}
    </Container>
  );
}

const roomTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.room", order: 30, Panel: RoomPanel, visible: ({ moderator }) => moderator };
export default roomTab;
