import { Container, Text } from "@react-three/uikit";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { useVoice, useVoiceUi } from "./use-voice.js";

const TAB = "room";

/** Room (facilitators): the desktop voice bar's moderation, through the same voice engine calls. */
function RoomPanel() {
  const voice = useVoice();
  const locked = useVoiceUi((s) => s.muteLocked);
  const roomSpatial = useVoiceUi((s) => s.roomSpatial);
  return (
    <Container flexDirection="column" gap={8}>
      <UiButton id="room:mute-all" tab={TAB} label="Mute all" onPress={() => voice.moderate({ action: "mute-all" })} />
      <UiButton id="room:lock" tab={TAB} label={locked ? "Unlock mics" : "Lock mics"} selected={locked} onPress={() => voice.moderate({ action: "lock", locked: !locked })} />
      <UiButton id="room:spatial" tab={TAB} label={roomSpatial ? "3D audio off for all" : "3D audio on for all"} selected={!roomSpatial} onPress={() => voice.moderate({ action: "spatial", spatial: !roomSpatial })} />
      {locked && (
        <Text fontSize={UI.small} color={UI.muted}>
          Microphones are locked: only facilitators can unmute.
        </Text>
      )}
    </Container>
  );
}

const roomTab: MenuTab = { id: TAB, label: "Room", order: 30, Panel: RoomPanel, visible: ({ moderator }) => moderator };
export default roomTab;
