import { Container, Text } from "@react-three/uikit";
import { useMemo } from "react";
import { useSession } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { moderationActions } from "./moderation-client.js";
import { useModeration } from "./use-moderation.js";

const TAB = "facilitate";
const SHOWN = 4; // queue and waiting rows that fit the panel

/** Facilitate (facilitators): the numbered hand queue with call on next / done / lower all, the lock and the waiting room. */
function FacilitatePanel() {
  const { room } = useSession();
  const m = useModeration();
  const t = useT();
  const act = useMemo(() => moderationActions(room), [room]);
  const nameOf = (id: string) => room.state.participants.get(id)?.name ?? "…";
  return (
    <Container flexDirection="column" gap={6}>
      <Text fontSize={UI.fontSize} color={UI.text}>{t("facilitation.hands")}</Text>
      {m.hands.length === 0 && <Text fontSize={UI.small} color={UI.muted}>{t("facilitation.noHands")}</Text>}
      {m.hands.slice(0, SHOWN).map((id, i) => (
        <Text key={id} fontSize={UI.fontSize} color={i === 0 ? UI.warn : UI.text}>{`${i + 1}. ${nameOf(id)}`}</Text>
      ))}
      {m.hands.length > SHOWN && <Text fontSize={UI.small} color={UI.muted}>{`+${m.hands.length - SHOWN}`}</Text>}
      {m.speaking && <Text fontSize={UI.small} color={UI.ok}>{t("facilitation.speaking", { name: nameOf(m.speaking) })}</Text>}
      <Container flexDirection="row" gap={6}>
        <UiButton id="facilitate:next" tab={TAB} label={t("facilitation.callNext")} fontSize={13} disabled={m.hands.length === 0} onPress={act.callNext} />
        <UiButton id="facilitate:done" tab={TAB} label={t("facilitation.done")} fontSize={13} disabled={!m.speaking} onPress={act.done} />
        <UiButton id="facilitate:lower-all" tab={TAB} label={t("facilitation.lowerAll")} fontSize={13} disabled={m.hands.length === 0} onPress={act.lowerAll} />
      </Container>
      <UiButton id="facilitate:lock" tab={TAB} label={m.locked ? t("facilitation.locked") : t("facilitation.lock")} fontSize={13} selected={m.locked} onPress={() => act.lock(!m.locked)} />
      {m.waiting.slice(0, SHOWN).map((w) => (
        <Container key={w.personId} flexDirection="row" gap={6} alignItems="center">
          <Text fontSize={UI.small} color={UI.text}>{w.name}</Text>
          <UiButton id={`facilitate:admit:${w.personId}`} tab={TAB} label={t("facilitation.admit")} fontSize={13} onPress={() => act.admit(w.personId, true)} />
          <UiButton id={`facilitate:refuse:${w.personId}`} tab={TAB} label={t("facilitation.refuse")} fontSize={13} danger onPress={() => act.admit(w.personId, false)} />
        </Container>
      ))}
    </Container>
  );
}

const facilitateTab: MenuTab = { id: TAB, label: "Hands", order: 12, Panel: FacilitatePanel, visible: ({ moderator }) => moderator };
export default facilitateTab;
