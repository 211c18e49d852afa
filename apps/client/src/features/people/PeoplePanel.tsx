import { ClientMessage, type DeviceKind, type Role, type SetRoleMessage } from "@otc/contract";
import { can } from "@otc/roles";
import { useSession, useSessionUi } from "../../session-context.js";
import type { MessageKey } from "@otc/i18n";
import { useT } from "../i18n/language-context.js";
import { useModeration } from "../moderation/use-moderation.js";
import { VoicePersonControls } from "../voice/VoicePersonControls.js";
import { useVoiceUi } from "../voice/use-voice.js";

export const ROLE_KEY: Record<Role, MessageKey> = {
  facilitator: "role.facilitator",
  "co-facilitator": "role.co-facilitator",
  participant: "role.participant",
};

/** The device badge's word: a phone or a tablet is not "Desktop". */
export const DEVICE_KEY: Record<DeviceKind, MessageKey> = {
  desktop: "people.desktop",
  vr: "people.vr",
  phone: "people.phone",
  tablet: "people.tablet",
};


/**
 * Everyone in the session: colour, name, "(you)", role and device badges, and who is reconnecting.
 * A facilitator also gets a button per participant to promote them to co-facilitator or back.
 */
export function PeoplePanel() {
  const t = useT();
  const { selfId, room } = useSession();
  const present = useSessionUi((s) => s.participants);
  const { hands } = useModeration();
  // Zones on peer-to-peer voice are applied by each listener, not enforced by a server: say so where people are listed.
  const zonesAdvisory = useVoiceUi((s) => s.transport === "mesh" && s.zones > 0);
  // raised hands first, in the server's queue order, then join order
  const place = (id: string) => {
    const i = hands.indexOf(id);
    return i < 0 ? Infinity : i;
  };
  const people = [...present].sort((a, b) => place(a.id) - place(b.id) || a.slot - b.slot);
  const myRole = people.find((p) => p.id === selfId)?.role ?? "participant";
  const mayAssign = can(myRole, "set-role");
  const assign = (participantId: string, role: SetRoleMessage["role"]) => room.send(ClientMessage.setRole, { participantId, role } satisfies SetRoleMessage);
  return (
    <aside className="hud people" aria-label={t("people.panel")}>
      <h2>
        <span>{t("people.title")}</span>
        <span aria-label={t("people.present", { count: people.length })}>{people.length}</span>
      </h2>
      <ul aria-label={t("people.title")}>
        {people.map((p) => (
          <li key={p.id} className={p.connected ? undefined : "away"} data-participant={p.id}>
            <span className="dot" style={{ background: p.colour }} aria-hidden />
            <span className="name">
              {p.name}
              {p.id === selfId && <span className="you"> {t("people.you")}</span>}
              {!p.connected && <span className="you"> {t("people.reconnecting")}</span>}
            </span>
            {hands.includes(p.id) && <span className="badge hand" aria-label={t("people.handQueued", { n: hands.indexOf(p.id) + 1 })}>{t("people.handBadge", { n: hands.indexOf(p.id) + 1 })}</span>}
            {p.role !== "participant" && <span className={`badge role ${p.role}`}>{t(ROLE_KEY[p.role])}</span>}
            <VoicePersonControls id={p.id} />
            <span className={p.device === "vr" ? "badge vr" : "badge"}>{t(DEVICE_KEY[p.device])}</span>
            {mayAssign && p.id !== selfId && p.role !== "facilitator" && (
              <button
                type="button"
                className="small"
                onClick={() => assign(p.id, p.role === "co-facilitator" ? "participant" : "co-facilitator")}
                aria-label={p.role === "co-facilitator" ? t("people.demoteLabel", { name: p.name }) : t("people.promoteLabel", { name: p.name })}
              >
                {p.role === "co-facilitator" ? t("people.demote") : t("people.promote")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {zonesAdvisory && <p className="voice-note people-note">{t("voice.meshZones")}</p>}
    </aside>
  );
}
