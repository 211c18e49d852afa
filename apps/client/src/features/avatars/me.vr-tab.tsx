import { AvatarMessage, REACTIONS, type Reaction } from "@otc/contract";
import { REACTION_RATE } from "@otc/avatars";
import { RateLimiter } from "@otc/presence";
import { Container } from "@react-three/uikit";
import { useMemo } from "react";
import { useSession, useSessionUi } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useRoomPeople } from "../people/use-room-people.js";
import { useVoice, useVoiceUi } from "../voice/use-voice.js";
import { VrMicLevel } from "../voice/VrMicLevel.js";
import { UiButton } from "../xr-ui/UiButton.js";

/** Words for the desktop bar's reaction icons (the UI font has no emoji). */
export const REACTION_LABEL: Record<Reaction, string> = { "thumbs-up": "Thumbs up", clap: "Clap", heart: "Heart", laugh: "Laugh", surprised: "Wow" };

const TAB = "me";
/** User-facing words of this tab (plain English until they move to the catalogues). */
const WORDS = { recalibrate: "Recalibrate height" } as const;

/** Me: microphone with its live level, hand, reactions, standing/seated, height recalibration, leaving VR. Same messages and stores as the desktop bar. */
function MePanel() {
  const { room, selfId, store, xr, rig } = useSession();
  const voice = useVoice();
  const muted = useVoiceUi((s) => s.muted);
  const mic = useVoiceUi((s) => s.mic);
  const seated = useSessionUi((s) => s.seated);
  const raised = useRoomPeople().find((p) => p.id === selfId)?.handRaised ?? false;
  const limiter = useMemo(() => new RateLimiter(REACTION_RATE.perSecond, REACTION_RATE.burst), []);
  const react = (reaction: Reaction) => limiter.allow(performance.now()) && room.send(AvatarMessage.reaction, { reaction });
  const micLabel = mic === "denied" ? "Mic blocked" : muted ? "Unmute" : "Mute";
  return (
    <Container flexDirection="column" gap={8}>
      <Container flexDirection="row" gap={8}>
        <UiButton id="me:mic" tab={TAB} label={micLabel} selected={muted} disabled={mic !== "live"} onPress={() => voice.toggleMute()} />
        <UiButton id="me:hand" tab={TAB} label={raised ? "Lower hand" : "Raise hand"} selected={raised} onPress={() => room.send(AvatarMessage.handRaise, { raised: !raised })} />
      </Container>
      <VrMicLevel />
      <Container flexDirection="row" gap={6} flexWrap="wrap">
        {REACTIONS.map((r) => (
          <UiButton key={r} id={`me:react:${r}`} tab={TAB} label={REACTION_LABEL[r]} fontSize={13} onPress={() => react(r)} />
        ))}
      </Container>
      <Container flexDirection="row" gap={8}>
        <UiButton id="me:standing" tab={TAB} label="Standing" selected={!seated} onPress={() => store.getState().setSeated(false)} />
        <UiButton id="me:seated" tab={TAB} label="Seated" selected={seated} onPress={() => store.getState().setSeated(true)} />
      </Container>
      <UiButton id="me:recalibrate" tab={TAB} label={WORDS.recalibrate} onPress={() => void (rig.recalibrateHeight = true)} />
      <UiButton id="me:exit-vr" tab={TAB} label="Exit VR" danger onPress={() => void xr.store.getState().session?.end()} />
    </Container>
  );
}

const meTab: MenuTab = { id: TAB, label: "Me", order: 0, Panel: MePanel };
export default meTab;
