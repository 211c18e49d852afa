import { ClientMessage, ModerationMessage, type SetRoleMessage } from "@otc/contract";
import { useState } from "react";
import { can } from "@otc/roles";
import { Container, Text } from "@react-three/uikit";
import { useSession } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { useVoice, useVoiceUi } from "../voice/use-voice.js";
import { useVoiceCue } from "../voice/use-voice-cue.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { DEVICE_KEY, ROLE_KEY } from "./PeoplePanel.js";
import type { PersonRow } from "./people-order.js";
import { useRoomPeople } from "./use-room-people.js";

const TAB = "people";
/** The reasons offered in VR, worded in the facilitator's language; the removed person reads that text. */
const REMOVE_REASONS = ["vrmenu.people.reason.disruptive", "vrmenu.people.reason.wrongSession", "vrmenu.people.reason.askedToLeave"] as const;
const SHOWN = 6; // rows that fit the panel; Previous / Next page through the rest (a ray cannot scroll)

function PersonLine({ p, mayModerate, mayAssign }: { p: PersonRow; mayModerate: boolean; mayAssign: boolean }) {
  const { selfId, room } = useSession();
  const voice = useVoice();
  const cue = useVoiceCue(p.id);
  const t = useT();
  const voiceState = t(cue.muted ? "voice.cueMuted" : cue.speaking ? "vrmenu.people.speaking" : "vrmenu.people.micOn");
  const facts = [
    p.role === "participant" ? null : t(ROLE_KEY[p.role]),
    t(DEVICE_KEY[p.device]),
    voiceState,
    p.handRaised ? t("vrmenu.people.handUp") : null,
    p.presenter ? t("vrmenu.people.presenter") : null,
    p.connected ? null : t("vrmenu.people.reconnecting"),
  ];
  const self = p.id === selfId;
  // Removing takes two presses: Remove opens a row of reasons (there is no keyboard in VR, and the
  // server refuses a removal without one), and only pressing a reason removes (a mis-aimed ray removes nobody).
  const [choosingReason, setChoosingReason] = useState(false);
  return (
    <Container flexDirection="column" gap={4} paddingY={4} borderBottomWidth={1} borderColor={UI.button}>
      <Text fontSize={UI.fontSize} color={p.handRaised ? UI.warn : UI.text}>
        {self ? `${p.name} ${t("people.you")}` : p.name}
      </Text>
      <Text fontSize={UI.small} color={UI.muted}>
        {facts.filter(Boolean).join(" · ")}
      </Text>
      {!self && (mayModerate || mayAssign) && (
        <Container flexDirection="row" gap={6}>
          {mayModerate && <UiButton id={`people:mute:${p.id}`} tab={TAB} label={t("voice.muteShort")} fontSize={13} disabled={cue.muted} onPress={() => voice.moderate({ action: "mute", target: p.id })} />}
          {mayModerate && (
            <UiButton id={`people:stage:${p.id}`} tab={TAB} label={t(p.presenter ? "voice.unstage" : "voice.stage")} fontSize={13} selected={p.presenter} onPress={() => voice.moderate({ action: "presenter", target: p.id, presenter: !p.presenter })} />
          )}
          {mayModerate && p.role !== "facilitator" && (
            <UiButton id={`people:remove:${p.id}`} tab={TAB} label={t("vrmenu.people.remove")} fontSize={13} selected={choosingReason} onPress={() => setChoosingReason(!choosingReason)} />
          )}
          {mayAssign && p.role !== "facilitator" && (
            <UiButton
              id={`people:role:${p.id}`}
              tab={TAB}
              label={t(p.role === "co-facilitator" ? "people.demote" : "people.promote")}
              fontSize={13}
              onPress={() => room.send(ClientMessage.setRole, { participantId: p.id, role: p.role === "co-facilitator" ? "participant" : "co-facilitator" } satisfies SetRoleMessage)}
            />
          )}
        </Container>
      )}
      {!self && mayModerate && choosingReason && (
        <Container flexDirection="row" gap={6} flexWrap="wrap">
          {REMOVE_REASONS.map((r) => (
            <UiButton
              key={r}
              id={`people:reason:${r.split(".").pop()}:${p.id}`}
              tab={TAB}
              label={t(r)}
              fontSize={13}
              danger
              onPress={() => {
                room.send(ModerationMessage.remove, { target: p.id, reason: t(r) });
                setChoosingReason(false);
              }}
            />
          ))}
          <UiButton id={`people:reason:cancel:${p.id}`} tab={TAB} label={t("vrmenu.people.cancel")} fontSize={13} onPress={() => setChoosingReason(false)} />
        </Container>
      )}
    </Container>
  );
}

/** People: everyone with role, device, voice and hand; raised hands first; a facilitator's per-person actions (the desktop panel's messages). */
function PeoplePanelVr() {
  const { selfId } = useSession();
  const t = useT();
  const people = useRoomPeople();
  const moderator = useVoiceUi((s) => s.moderator);
  const myRole = people.find((p) => p.id === selfId)?.role ?? "participant";
  const mayAssign = can(myRole, "set-role");
  const [wanted, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(people.length / SHOWN));
  const page = Math.min(wanted, pages - 1); // people left: the last page still shows someone
  const from = page * SHOWN;
  const shown = people.slice(from, from + SHOWN);
  return (
    <Container flexDirection="column" gap={2}>
      <Text fontSize={UI.small} color={UI.muted}>{t("people.present", { count: people.length })}</Text>
      {shown.map((p) => (
        <PersonLine key={p.id} p={p} mayModerate={moderator} mayAssign={mayAssign} />
      ))}
      {pages > 1 && (
        <Container flexDirection="row" gap={8} alignItems="center" paddingTop={4}>
          <UiButton id="people:page:previous" tab={TAB} label={t("vrmenu.people.previous")} fontSize={13} disabled={page === 0} onPress={() => setPage(page - 1)} />
          <Text fontSize={UI.small} color={UI.muted}>{t("vrmenu.people.range", { from: from + 1, to: from + shown.length, count: people.length })}</Text>
          <UiButton id="people:page:next" tab={TAB} label={t("vrmenu.people.next")} fontSize={13} disabled={page === pages - 1} onPress={() => setPage(page + 1)} />
        </Container>
      )}
    </Container>
  );
}

const peopleTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.people", order: 10, Panel: PeoplePanelVr };
export default peopleTab;
