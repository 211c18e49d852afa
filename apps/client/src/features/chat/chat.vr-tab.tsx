import { CHAT_TEXT_MAX } from "@otc/contract";
import type { MessageKey } from "@otc/i18n";
import { Container, Text } from "@react-three/uikit";
import { useState } from "react";
import { useSession } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { useModeration } from "../moderation/use-moderation.js";
import { useVoiceUi } from "../voice/use-voice.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UiKeyboard } from "../xr-ui/UiKeyboard.js";
import { applyKey } from "../xr-ui/keyboard-keys.js";
import { UI } from "../xr-ui/ui-theme.js";
import { useChat, useChatStore } from "./use-chat.js";

/**
 * Canned answers a person in the headset sends with one press, in the sender's language (a chat
 * message is the words a person sent, so it is not translated for the readers).
 */
export const QUICK_REPLIES: readonly MessageKey[] = ["vrmenu.chat.quick.yes", "vrmenu.chat.quick.no", "vrmenu.chat.quick.question", "vrmenu.chat.quick.repeat", "vrmenu.chat.quick.thanks"];

const TAB = "chat";
const SHOWN = 5; // messages that fit the panel; the newest are shown
const CUT = 90; // characters of one message shown in the panel

/** Chat: the last messages (as text), quick replies and an on-screen keyboard to everyone; a facilitator deletes from here too. */
function ChatPanelVr() {
  const { selfId } = useSession();
  const t = useT();
  const store = useChatStore();
  const entries = useChat((s) => s.entries);
  const { chatOff } = useModeration();
  const moderator = useVoiceUi((s) => s.moderator);
  const draft = useChat((s) => s.draft);
  const [typing, setTyping] = useState(draft !== "");
  const last = entries.slice(-(typing ? 2 : SHOWN)); // the keyboard takes the room of three messages
  const sendDraft = () => {
    const text = store.getState().draft.trim();
    if (!text) return;
    store.send(text, "everyone");
    store.getState().setDraft("");
  };
  return (
    <Container flexDirection="column" gap={6}>
      {last.length === 0 && <Text fontSize={UI.small} color={UI.muted}>{t("vrmenu.chat.empty")}</Text>}
      {last.map((e) => (
        <Container key={e.id} flexDirection="row" gap={6} alignItems="center">
          <Text fontSize={UI.small} color={e.to === "facilitators" ? UI.warn : UI.text} maxWidth={330}>
            {`${e.name}: ${e.text.length > CUT ? `${e.text.slice(0, CUT)}…` : e.text}`}
          </Text>
          {moderator && <UiButton id={`chat:delete:${e.id}`} tab={TAB} label={t("vrmenu.chat.delete")} fontSize={12} danger onPress={() => store.remove(e.id)} />}
        </Container>
      ))}
      {chatOff.includes(selfId) ? (
        <Text fontSize={UI.small} color={UI.muted}>{t("vrmenu.chat.off")}</Text>
      ) : (
        <>
          <Container flexDirection="row" gap={6} flexWrap="wrap">
            {!typing && QUICK_REPLIES.map((r, i) => <UiButton key={r} id={`chat:quick:${i}`} tab={TAB} label={t(r)} fontSize={13} onPress={() => store.send(t(r), "everyone")} />)}
            <UiButton id="chat:keyboard" tab={TAB} label={typing ? t("keyboard.close") : t("keyboard.open")} fontSize={13} selected={typing} onPress={() => setTyping(!typing)} />
          </Container>
          {typing && (
            <>
              <Text fontSize={UI.small} color={draft ? UI.text : UI.muted} maxWidth={300}>
                {draft ? t("keyboard.draft", { text: draft.length > CUT ? `…${draft.slice(-CUT)}` : draft }) : t("keyboard.empty")}
              </Text>
              <UiKeyboard
                tab={TAB}
                onKey={(key) => store.getState().setDraft(applyKey(store.getState().draft, key, CHAT_TEXT_MAX))}
                submit={{ label: t("keyboard.send"), disabled: draft.trim() === "", onPress: sendDraft }}
              />
            </>
          )}
        </>
      )}
    </Container>
  );
}

const chatTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.chat", order: 25, Panel: ChatPanelVr };
export default chatTab;
