import { useSession, useSessionUi } from "../../session-context.js";

/** Everyone in the session: colour, name, "(you)", device badge, and who is reconnecting. */
export function PeoplePanel() {
  const { selfId } = useSession();
  const people = useSessionUi((s) => s.participants);
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
            <span className={p.device === "vr" ? "badge vr" : "badge"}>{p.device === "vr" ? "VR" : "Desktop"}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
