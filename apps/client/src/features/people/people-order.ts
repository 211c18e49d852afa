/** One person as the VR people list shows them (a plain copy of the room state's participant). */
export interface PersonRow {
  id: string;
  name: string;
  role: "facilitator" | "co-facilitator" | "participant";
  device: "vr" | "desktop";
  connected: boolean;
  handRaised: boolean;
  presenter: boolean;
  slot: number;
}

/**
 * Raised hands first, in the order they went up (`raisedAt`: when this page first saw each hand
 * raised, ms; the room state keeps no time), then everyone else in join order.
 */
export function orderPeople(rows: readonly PersonRow[], raisedAt: ReadonlyMap<string, number>): PersonRow[] {
  return [...rows].sort((a, b) => {
    if (a.handRaised !== b.handRaised) return a.handRaised ? -1 : 1;
    if (a.handRaised) return (raisedAt.get(a.id) ?? 0) - (raisedAt.get(b.id) ?? 0) || a.slot - b.slot;
    return a.slot - b.slot || a.id.localeCompare(b.id);
  });
}

/** Updates `raisedAt` from the rows: a hand newly up gets `now`, a lowered or departed one is forgotten. */
export function trackRaisedHands(rows: readonly PersonRow[], raisedAt: Map<string, number>, now: number): void {
  const up = new Set(rows.filter((r) => r.handRaised).map((r) => r.id));
  for (const id of [...raisedAt.keys()]) if (!up.has(id)) raisedAt.delete(id);
  for (const id of up) if (!raisedAt.has(id)) raisedAt.set(id, now);
}
