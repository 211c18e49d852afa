import { AvatarMessage, REACTIONS, type Reaction } from "@otc/contract";
import { REACTION_RATE } from "@otc/avatars";
import type { MessageKey } from "@otc/i18n";
import { RateLimiter } from "@otc/presence";
import { Container, Text } from "@react-three/uikit";
import { useMemo, useState } from "react";
import { useStore } from "zustand";
import { useSession, useSessionUi } from "../../session-context.js";
import { leaveSession } from "../connection/leave-session.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { useRoomPeople } from "../people/use-room-people.js";
import { useVoice, useVoiceUi } from "../voice/use-voice.js";
import { VrMicLevel } from "../voice/VrMicLevel.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";

/** Words for the desktop bar's reaction icons (the UI font has no emoji). */
const REACTION_KEY: Record<Reaction, MessageKey> = {
  "thumbs-up": "vrmenu.me.reaction.thumbs-up",
  clap: "vrmenu.me.reaction.clap",
  heart: "vrmenu.me.reaction.heart",
  laugh: "vrmenu.me.reaction.laugh",
  surprised: "vrmenu.me.reaction.surprised",
};

const TAB = "me";

/**
 * Me: microphone with its live level, hand, reactions, standing/seated, height recalibration, leaving
 * VR, and leaving the session (asked twice: Leave, then Leave now or Cancel). Same messages and stores
 * as the desktop bar.
 */
function MePanel() {
  const session = useSession();
  const { room, selfId, store, xr, rig, a11y } = session;
  const [leaving, setLeaving] = useState(false);
  const mono = useStore(a11y, (s) => s.monoAudio);
  const t = useT();
  const voice = useVoice();
  const muted = useVoiceUi((s) => s.muted);
  const mic = useVoiceUi((s) => s.mic);
  const seated = useSessionUi((s) => s.seated);
  const raised = useRoomPeople().find((p) => p.id === selfId)?.handRaised ?? false;
  const limiter = useMemo(() => new RateLimiter(REACTION_RATE.perSecond, REACTION_RATE.burst), []);
  const react = (reaction: Reaction) => limiter.allow(performance.now()) && room.send(AvatarMessage.reaction, { reaction });
  const micLabel = t(mic === "denied" ? "vrmenu.me.micBlocked" : muted ? "vrmenu.me.unmute" : "vrmenu.me.mute");
  return (
    <Container flexDirection="column" gap={8}>
      <Container flexDirection="row" gap={8}>
        <UiButton id="me:mic" tab={TAB} label={micLabel} selected={muted} disabled={mic !== "live"} onPress={() => voice.toggleMute()} />
        <UiButton id="me:hand" tab={TAB} label={t(raised ? "avatar.lower" : "avatar.raise")} selected={raised} onPress={() => room.send(AvatarMessage.handRaise, { raised: !raised })} />
      </Container>
      <VrMicLevel />
      <Container flexDirection="row" gap={6} flexWrap="wrap">
        {REACTIONS.map((r) => (
          <UiButton key={r} id={`me:react:${r}`} tab={TAB} label={t(REACTION_KEY[r])} fontSize={13} onPress={() => react(r)} />
        ))}
      </Container>
      <Container flexDirection="row" gap={8}>
        <UiButton id="me:standing" tab={TAB} label={t("vrmenu.me.standing")} selected={!seated} onPress={() => store.getState().setSeated(false)} />
        <UiButton id="me:seated" tab={TAB} label={t("vrmenu.me.seated")} selected={seated} onPress={() => store.getState().setSeated(true)} />
      </Container>
      <Container flexDirection="row" gap={8}>
        <UiButton id="me:recalibrate" tab={TAB} label={t("vrmenu.me.recalibrate")} onPress={() => void (rig.recalibrateHeight = true)} />
        <UiButton id="me:recentre" tab={TAB} label={t("a11y.recentre")} onPress={() => void (rig.recentre = true)} />
      </Container>
      <UiButton id="me:mono" tab={TAB} label={t("a11y.mono")} selected={mono} onPress={() => a11y.getState().set({ monoAudio: !mono })} />
      <Container flexDirection="row" gap={8}>
        <UiButton id="me:exit-vr" tab={TAB} label={t("vr.exit")} danger onPress={() => void xr.store.getState().session?.end()} />
        {!leaving && <UiButton id="me:leave" tab={TAB} label={t("leave.button")} danger onPress={() => setLeaving(true)} />}
      </Container>
      {leaving && (
        <Container flexDirection="row" gap={8} alignItems="center">
          <Text fontSize={UI.fontSize} color={UI.warn}>
            {t("leave.confirm")}
          </Text>
          <UiButton id="me:leave-now" tab={TAB} label={t("leave.now")} danger onPress={() => void leaveSession(session)} />
          <UiButton id="me:leave-cancel" tab={TAB} label={t("leave.cancel")} onPress={() => setLeaving(false)} />
        </Container>
      )}
    </Container>
  );
}

const meTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.me", order: 0, Panel: MePanel };
export default meTab;
