import type { DeviceKind } from "@otc/contract";

/** One person as the VR people list shows them (a plain copy of the room state's participant). */
export interface PersonRow {
  id: string;
  name: string;
  role: "facilitator" | "co-facilitator" | "participant";
  device: DeviceKind;
  connected: boolean;
  handRaised: boolean;
  presenter: boolean;
  slot: number;
}

/**
 * Raised hands first, in the server's queue order (`queue`: the room state's moderation.hands, first
 * raised first), then everyone else in join order.
 */
export function orderPeople(rows: readonly PersonRow[], queue: readonly string[]): PersonRow[] {
  const place = new Map(queue.map((id, i) => [id, i]));
  const rank = (r: PersonRow) => (r.handRaised ? (place.get(r.id) ?? queue.length) : Infinity);
  return [...rows].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
    return a.slot - b.slot || a.id.localeCompare(b.id);
  });
}
