/** A stored event with the time it happened (ms since the epoch). */
export interface Timed<T> {
  at: number;
  body: T;
}

/** The devices a join can name (contract DEVICE_KINDS; this package imports nothing), in report order. */
export const DEVICES = ["vr", "desktop", "tablet", "phone"] as const;
export type Device = (typeof DEVICES)[number];

/**
 * What the attendance stream holds. `connection` names one tab's connection (absent in events stored
 * before it was recorded: those are matched per person). `open` is written when a room starts for
 * the session, `alive` every minute while it runs: after a crash, stays still open are closed at the
 * last sign of life before the next `open`.
 */
export type AttendanceBody =
  | ({ event: "join" } & SeatEvent)
  | ({ event: "leave" } & SeatEvent)
  /** The person finished the guided onboarding (written once, by the server's onboarding feature). */
  | ({ event: "onboarded" } & SeatEvent)
  | { event: "drop"; personId: string; connection: string }
  | { event: "reconnect"; personId: string; connection: string }
  | { event: "open" }
  | { event: "alive" };

/** What a join or leave carries. */
export interface SeatEvent {
  personId: string;
  name: string;
  role: string;
  device: Device;
  connection?: string;
  /** Given at join where the session asks for one (the xAPI actor's mbox); erased with the name. */
  email?: string;
}

export interface Stay {
  from: number;
  to: number;
}

export interface PersonAttendance {
  personId: string;
  /** The latest name the person joined or left with. */
  name: string;
  /** The latest role seen. */
  role: string;
  /** Every device the person was seen on, in DEVICES order ("vr" first). */
  devices: Device[];
  /** Join events (each tab, each rejoin). */
  joins: number;
  leaves: number;
  /** Unbroken stretches of presence, merged across gaps up to the reconnection window. */
  stays: Stay[];
  presentMs: number;
  /** presentMs over the session's duration, 0..1. */
  share: number;
  /** Finished the guided onboarding (in this session). */
  onboarded: boolean;
  /** The latest email the person gave at join, when the session asked for one. */
  email?: string;
}

export interface Attendance {
  start: number;
  end: number;
  durationMs: number;
  people: PersonAttendance[];
}

export interface AttendanceOptions {
  /** When the session ends (its end time, or now while it runs). Stays still open close here. */
  end: number;
  /** When the session starts; default: the first join. */
  start?: number;
  /** Gaps up to this long (ms) do not break a stay: a reconnect within the window, a reload, a restart. */
  mergeGapMs: number;
}

interface Person {
  name: string;
  role: string;
  devices: Set<Device>;
  joins: number;
  leaves: number;
  /** Connection key → whether it is live (false: dropped, its seat still held). */
  conns: Map<string, boolean>;
  liveSince: number | null;
  raw: Stay[];
  anon: number;
  onboarded: boolean;
  email?: string;
}

const live = (p: Person) => [...p.conns.values()].filter(Boolean).length;

/**
 * Works out who was present and for how long from the attendance events alone (no clock read: the
 * end is given). A person is present while at least one of their connections is live, so two tabs
 * are not counted twice; the stretches are then merged across short gaps.
 */
export function computeAttendance(events: readonly Timed<AttendanceBody>[], opts: AttendanceOptions): Attendance {
  const people = new Map<string, Person>();
  let firstJoin: number | undefined;
  let lastSign = -Infinity;

  const personOf = (id: string): Person => {
    let p = people.get(id);
    if (!p) people.set(id, (p = { name: "", role: "participant", devices: new Set(), joins: 0, leaves: 0, conns: new Map(), liveSince: null, raw: [], anon: 0, onboarded: false }));
    return p;
  };
  /** Applies a change of connections and opens/closes the stretch when the live count crosses zero. */
  const settle = (p: Person, at: number, before: number) => {
    const after = live(p);
    if (before === 0 && after > 0) p.liveSince = at;
    if (before > 0 && after === 0 && p.liveSince !== null) {
      p.raw.push({ from: p.liveSince, to: at });
      p.liveSince = null;
    }
  };

  for (const { at, body } of events) {
    if (at > opts.end) break;
    if (body.event === "open") {
      // The room before this one stopped without writing leaves: close at its last sign of life.
      for (const p of people.values()) {
        if (p.liveSince !== null) p.raw.push({ from: p.liveSince, to: Math.max(lastSign, p.liveSince) });
        p.liveSince = null;
        p.conns.clear();
      }
      lastSign = at;
      continue;
    }
    lastSign = at;
    if (body.event === "alive") continue;
    const p = personOf(body.personId);
    if (body.event === "onboarded") {
      p.onboarded = true;
      continue;
    }
    const before = live(p);
    if (body.event === "join") {
      firstJoin ??= at;
      p.joins++;
      p.conns.set(body.connection ?? `#${p.anon++}`, true);
    } else if (body.event === "leave") {
      p.leaves++;
      const key = body.connection !== undefined && p.conns.has(body.connection) ? body.connection : [...p.conns.keys()][0];
      if (key !== undefined) p.conns.delete(key);
    } else if (p.conns.has(body.connection)) {
      p.conns.set(body.connection, body.event === "reconnect");
    }
    if (body.event === "join" || body.event === "leave") {
      p.name = body.name;
      p.role = body.role;
      p.devices.add(body.device);
      if (body.email) p.email = body.email;
    }
    settle(p, at, before);
  }

  const start = opts.start ?? firstJoin ?? opts.end;
  const durationMs = Math.max(0, opts.end - start);
  const out: PersonAttendance[] = [];
  for (const [personId, p] of people) {
    if (p.liveSince !== null) p.raw.push({ from: p.liveSince, to: opts.end });
    const stays = mergeStays(p.raw, opts.mergeGapMs, start, opts.end);
    const presentMs = stays.reduce((s, x) => s + (x.to - x.from), 0);
    out.push({
      personId,
      name: p.name,
      role: p.role,
      devices: DEVICES.filter((d) => p.devices.has(d)),
      joins: p.joins,
      leaves: p.leaves,
      stays,
      presentMs,
      share: durationMs > 0 ? Math.min(1, presentMs / durationMs) : 0,
      onboarded: p.onboarded,
      ...(p.email ? { email: p.email } : {}),
    });
  }
  return { start, end: opts.end, durationMs, people: out };
}

/** Sorts, clips to [start, end] and joins stretches whose gap is at most `gapMs`. */
export function mergeStays(raw: readonly Stay[], gapMs: number, start: number, end: number): Stay[] {
  const sorted = raw
    .map((s) => ({ from: Math.max(s.from, start), to: Math.min(s.to, end) }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Stay[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.from - last.to <= gapMs) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}
