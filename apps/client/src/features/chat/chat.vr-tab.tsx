import { Container, Text } from "@react-three/uikit";
import { useSession } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { useModeration } from "../moderation/use-moderation.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { useChat, useChatStore } from "./use-chat.js";

/** Canned answers a person in the headset sends with one press (English; the catalogue merge moves them). */
export const QUICK_REPLIES = ["Yes", "No", "I have a question", "Can you repeat that?", "Thank you!"] as const;

const TAB = "chat";
const SHOWN = 5; // messages that fit the panel; the newest are shown
const CUT = 90; // characters of one message shown in the panel

/** Chat: the last messages (as text) and quick replies to everyone; a facilitator deletes from here too. */
function ChatPanelVr() {
  const { selfId } = useSession();
  const store = useChatStore();
  const t = useT();
  const entries = useChat((s) => s.entries);
  const { chatOff } = useModeration();
  const moderator = useVoiceUi((s) => s.moderator);
  const last = entries.slice(-SHOWN);
  return (
    <Container flexDirection="column" gap={6}>
      {last.length === 0 && <Text fontSize={UI.small} color={UI.muted}>{t("chat.empty")}</Text>}
      {last.map((e) => (
        <Container key={e.id} flexDirection="row" gap={6} alignItems="center">
          <Text fontSize={UI.small} color={e.to === "facilitators" ? UI.warn : UI.text} maxWidth={330}>
            {`${e.name}: ${e.text.length > CUT ? `${e.text.slice(0, CUT)}…` : e.text}`}
          </Text>
          {moderator && <UiButton id={`chat:delete:${e.id}`} tab={TAB} label={t("chat.delete")} fontSize={12} danger onPress={() => store.remove(e.id)} />}
        </Container>
      ))}
      {chatOff.includes(selfId) ? (
        <Text fontSize={UI.small} color={UI.muted}>{t("chat.off")}</Text>
      ) : (
        <Container flexDirection="row" gap={6} flexWrap="wrap">
          {QUICK_REPLIES.map((r, i) => (
            <UiButton key={r} id={`chat:quick:${i}`} tab={TAB} label={r} fontSize={13} onPress={() => store.send(r, "everyone")} />
          ))}
        </Container>
      )}
    </Container>
  );
}

const chatTab: MenuTab = { id: TAB, label: "Chat", order: 25, Panel: ChatPanelVr };
export default chatTab;
