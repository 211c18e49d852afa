/** A join as the gate sees it. */
export interface GateJoin {
  personId: string;
  name: string;
  /** Facilitators and co-facilitators pass the lock and the capacity. */
  moderator: boolean;
}

export interface GateRoom {
  locked: boolean;
  capacity: number;
  /** Seats taken now (connected people and seats held for a reconnection). */
  present: number;
  blocked: ReadonlySet<string>;
  /** People who have been in this session before (or were let in): the lock does not stop them. */
  known: ReadonlySet<string>;
  /** People a facilitator admitted from the waiting room. */
  admitted: ReadonlySet<string>;
  /** People a facilitator refused at the waiting room (told once, then they may ask again). */
  refused: ReadonlySet<string>;
}

export type GateDecision = { kind: "enter" } | { kind: "removed" } | { kind: "full" } | { kind: "wait" } | { kind: "refused" };

/**
 * Whether a join may take a seat: a removed person never (until unblocked), a full session is
 * refused even to the admitted (moderators always enter, so a session can be run), and a locked
 * session sends newcomers to the waiting room until a facilitator admits or refuses them.
 */
export function gate(join: GateJoin, room: GateRoom): GateDecision {
  if (room.blocked.has(join.personId)) return { kind: "removed" };
  if (join.moderator) return { kind: "enter" };
  if (room.present >= room.capacity) return { kind: "full" };
  if (!room.locked || room.known.has(join.personId) || room.admitted.has(join.personId)) return { kind: "enter" };
  if (room.refused.has(join.personId)) return { kind: "refused" };
  return { kind: "wait" };
}

/** Waiters not heard from since `now - staleMs` (their page closed): to be dropped from the list. */
export function staleWaiters(lastSeen: ReadonlyMap<string, number>, now: number, staleMs: number): string[] {
  return [...lastSeen].filter(([, at]) => now - at > staleMs).map(([id]) => id);
}
