import { POLL_TEXT_MAX } from "@otc/contract";
import { Container, Text } from "@react-three/uikit";
import { useState } from "react";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UiKeyboard } from "../xr-ui/UiKeyboard.js";
import { applyKey } from "../xr-ui/keyboard-keys.js";
import { UI } from "../xr-ui/ui-theme.js";
import { currentPoll } from "./polls-client.js";
import { usePolls, usePollsUi } from "./use-polls.js";

const TAB = "polls";

/** Polls in VR: the open question, its options as buttons (pressed with the ray and trigger) or an on-screen keyboard for a written answer, and a facilitator's close/launch. */
function PollsPanelVr() {
  const polls = usePolls();
  const t = useT();
  const list = usePollsUi((s) => s.polls);
  const mine = usePollsUi((s) => s.mine);
  const moderator = usePollsUi((s) => s.moderator);
  const [picked, setPicked] = useState<number[]>([]);
  const [written, setWritten] = useState("");
  const poll = currentPoll(list);
  const draft = list.find((p) => p.status === "draft");
  const labels = poll?.kind === "rating" ? ["1", "2", "3", "4", "5"] : (poll?.options ?? []);
  const my = poll ? mine[poll.id] : undefined;
  return (
    <Container flexDirection="column" gap={6}>
      {!poll && <Text fontSize={UI.fontSize} color={UI.muted}>{t("vrmenu.polls.none")}</Text>}
      {poll && (
        <>
          <Text fontSize={UI.fontSize} color={UI.text}>{poll.question}</Text>
          <Text fontSize={UI.small} color={UI.muted}>{t("vrmenu.polls.answers", { count: poll.responses })}</Text>
          {poll.kind === "text" ? (
            <>
              <Text fontSize={UI.small} color={written ? UI.text : UI.muted}>{written ? t("keyboard.draft", { text: written }) : t("keyboard.empty")}</Text>
              <UiKeyboard
                tab={TAB}
                onKey={(key) => setWritten((w) => applyKey(w, key, POLL_TEXT_MAX))}
                submit={{
                  label: t("vrmenu.polls.send"),
                  disabled: written.trim() === "",
                  onPress: () => {
                    if (!written.trim()) return;
                    polls.answer(poll.id, { text: written.trim() });
                    setWritten("");
                  },
                }}
              />
            </>
          ) : (
            <Container flexDirection="row" flexWrap="wrap" gap={6}>
              {labels.map((label, i) => {
                const selected = poll.kind === "multiple" ? picked.includes(i) : (my?.choices?.includes(i) ?? false);
                const press = () => (poll.kind === "multiple" ? setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p, i])) : polls.answer(poll.id, { choices: [i] }));
                return <UiButton key={`${poll.id}:${i}`} id={`polls:option:${i}`} tab={TAB} label={label} selected={selected} onPress={press} fontSize={14} width={poll.kind === "rating" ? 56 : undefined} />;
              })}
              {poll.kind === "multiple" && <UiButton id="polls:send" tab={TAB} label={t("vrmenu.polls.send")} disabled={picked.length === 0} onPress={() => picked.length > 0 && polls.answer(poll.id, { choices: picked })} />}
            </Container>
          )}
          {my && (
            <Text fontSize={UI.small} color={UI.muted}>
              {t("vrmenu.polls.yours", { answer: my.text ?? (my.choices ?? []).map((c) => labels[c]).join(", ") })}
            </Text>
          )}
          {moderator && <UiButton id="polls:close" tab={TAB} label={t("vrmenu.polls.close")} danger onPress={() => polls.close(poll.id)} />}
        </>
      )}
      {moderator && !poll && draft && <UiButton id="polls:launch" tab={TAB} label={t("vrmenu.polls.launch", { question: draft.question }).slice(0, 40)} onPress={() => polls.launch(draft.id, null)} />}
    </Container>
  );
}

const pollsTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.polls", order: 22, Panel: PollsPanelVr };
export default pollsTab;
