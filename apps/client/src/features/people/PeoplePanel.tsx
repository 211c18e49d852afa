import { ClientMessage, type Role, type SetRoleMessage } from "@otc/contract";
import { can } from "@otc/roles";
import { useSession, useSessionUi } from "../../session-context.js";
import { useModeration } from "../moderation/use-moderation.js";
import { VoicePersonControls } from "../voice/VoicePersonControls.js";

export const ROLE_LABEL: Record<Role, string> = {
  facilitator: "Facilitator",
  "co-facilitator": "Co-facilitator",
  participant: "Participant",
};

/**
 * Everyone in the session: colour, name, "(you)", role and device badges, and who is reconnecting.
 * A facilitator also gets a button per participant to promote them to co-facilitator or back.
 */
export function PeoplePanel() {
  const { selfId, room } = useSession();
  const present = useSessionUi((s) => s.participants);
  const { hands } = useModeration();
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
    <aside className="hud people" aria-label="People panel">
      <h2>
        <span>People</span>
        <span aria-label={`${people.length} present`}>{people.length}</span>
      </h2>
      <ul aria-label="People">
        {people.map((p) => (
          <li key={p.id} className={p.connected ? undefined : "away"} data-participant={p.id}>
            <span className="dot" style={{ background: p.colour }} aria-hidden />
            <span className="name">
              {p.name}
              {p.id === selfId && <span className="you"> (you)</span>}
              {!p.connected && <span className="you"> — reconnecting…</span>}
            </span>
            {hands.includes(p.id) && <span className="badge hand" aria-label={`Hand raised, ${hands.indexOf(p.id) + 1} in the queue`}>{`Hand ${hands.indexOf(p.id) + 1}`}</span>}
            {p.role !== "participant" && <span className={`badge role ${p.role}`}>{ROLE_LABEL[p.role]}</span>}
            <VoicePersonControls id={p.id} />
            <span className={p.device === "vr" ? "badge vr" : "badge"}>{p.device === "vr" ? "VR" : "Desktop"}</span>
            {mayAssign && p.id !== selfId && p.role !== "facilitator" && (
              <button
                type="button"
                className="small"
                onClick={() => assign(p.id, p.role === "co-facilitator" ? "participant" : "co-facilitator")}
                aria-label={p.role === "co-facilitator" ? `Make ${p.name} a participant` : `Make ${p.name} co-facilitator`}
              >
                {p.role === "co-facilitator" ? "Demote" : "Promote"}
              </button>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
