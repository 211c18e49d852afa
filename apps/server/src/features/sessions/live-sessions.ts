import { matchMaker, type Presence } from "@colyseus/core";
import type { LinkKind } from "@otc/contract";

/** What the console needs from a running room of a session (each feature registers the parts it answers). */
export interface LiveRoom {
  /** Tells everyone the session has ended and closes their connections. */
  endSession?(): void;
  /** The console changed the session's brand (state JSON): people who load the room from now on see it. */
  brandChanged?(brandJson: string): void;
  /** The console renewed one kind of link: everyone admitted with the old one loses their seat. */
  linkRenewed?(kind: LinkKind): void;
  /** The console stored a new agenda: the room reads it again and shows it to everyone. */
  agendaChanged?(): void;
}

/** A claim lapses this long after its process last renewed it, s (a process that vanished without a health check). */
export const CLAIM_TTL_S = 15;
/** How often a process renews the claims it holds, ms. */
const RENEW_MS = 5000;

type Relay = { op: "end" } | { op: "link"; kind: LinkKind } | { op: "brand"; json: string } | { op: "agenda" };

const claimKey = (sessionId: string) => `otc:session-room:${sessionId}`;
const holderKey = (sessionId: string) => `otc:session-room-holder:${sessionId}`;
const takeoverKey = (sessionId: string, deadProcess: string) => `otc:session-room-takeover:${sessionId}:${deadProcess}`;
const channel = (sessionId: string) => `otc:session:${sessionId}`;

/**
 * The training rooms of every session, across every server process that shares Colyseus' presence
 * (in-memory in one process; Redis with REDIS_URL). A session is held by one room at a time: the
 * claim is an atomic counter in the presence with the holder's process id beside it, renewed while
 * the room runs; a claim whose process no longer answers Colyseus' health check is taken over by
 * exactly one new room. The console reaches a session's room through a presence channel, whichever
 * process holds it. Created once per server and handed to rooms and the API.
 */
export class LiveSessions {
  private readonly rooms = new Map<string, Set<LiveRoom>>();
  /** Claims this process holds (or is acquiring), by session id. */
  private readonly held = new Map<string, object>();
  private readonly listeners = new Map<string, (message: Relay) => void>();
  private readonly renewal: ReturnType<typeof setInterval>;

  constructor(
    private readonly presence: Presence,
    private readonly log: (line: string) => void = () => undefined,
    /** Whether a process still answers; default Colyseus' health check, which also sweeps a dead one's rooms. */
    private readonly alive: (processId: string) => Promise<boolean> = async (id) => Boolean(await matchMaker.healthCheckProcessId(id)),
  ) {
    this.renewal = setInterval(() => void this.renew(), RENEW_MS);
    this.renewal.unref();
  }

  /** Claims a session for one room; false when another room (in any process) holds it. */
  async claim(sessionId: string, holder: object): Promise<boolean> {
    const current = this.held.get(sessionId);
    if (current) return current === holder;
    this.held.set(sessionId, holder); // before any await: a second room in this process loses at once
    try {
      if (await this.acquire(sessionId)) return true;
    } catch (e) {
      this.held.delete(sessionId);
      throw e;
    }
    this.held.delete(sessionId);
    return false;
  }

  async release(sessionId: string, holder: object): Promise<void> {
    if (this.held.get(sessionId) !== holder) return;
    this.held.delete(sessionId);
    try {
      await this.presence.del(holderKey(sessionId));
      await this.presence.del(claimKey(sessionId));
    } catch (e) {
      this.log(`session ${sessionId}: could not release its room claim (it lapses in ${CLAIM_TTL_S} s): ${(e as Error).message}`);
    }
  }

  register(sessionId: string, room: LiveRoom): void {
    const set = this.rooms.get(sessionId) ?? new Set<LiveRoom>();
    set.add(room);
    this.rooms.set(sessionId, set);
    if (this.listeners.has(sessionId)) return;
    const listener = (message: Relay) => this.deliver(sessionId, message);
    this.listeners.set(sessionId, listener);
    void this.presence.subscribe(channel(sessionId), listener);
  }

  unregister(sessionId: string, room: LiveRoom): void {
    const set = this.rooms.get(sessionId);
    set?.delete(room);
    if (set?.size !== 0) return;
    this.rooms.delete(sessionId);
    const listener = this.listeners.get(sessionId);
    this.listeners.delete(sessionId);
    if (listener) this.presence.unsubscribe(channel(sessionId), listener);
  }

  /** Whether a room runs the session now, in this process or another (its claim is live in the presence). */
  async running(sessionId: string): Promise<boolean> {
    if (this.held.has(sessionId)) return true;
    return Boolean(await this.presence.get(holderKey(sessionId)));
  }

  end(sessionId: string): void {
    this.relay(sessionId, { op: "end" });
  }

  linkRenewed(sessionId: string, kind: LinkKind): void {
    this.relay(sessionId, { op: "link", kind });
  }

  brandChanged(sessionId: string, brandJson: string): void {
    this.relay(sessionId, { op: "brand", json: brandJson });
  }

  /** The agenda document changed outside the room (the console); the room holding the session, in whichever process, reloads it. */
  agendaChanged(sessionId: string): void {
    this.relay(sessionId, { op: "agenda" });
  }

  /** Stops renewing (the rooms release their claims as they are disposed). */
  close(): void {
    clearInterval(this.renewal);
  }

  private async acquire(sessionId: string): Promise<boolean> {
    const me = matchMaker.processId;
    if ((await this.presence.incr(claimKey(sessionId))) === 1) {
      await this.presence.expire(claimKey(sessionId), CLAIM_TTL_S);
      await this.presence.setex(holderKey(sessionId), me, CLAIM_TTL_S);
      return true;
    }
    const holder = (await this.presence.get(holderKey(sessionId))) as string | null | undefined;
    // No holder yet: another room is acquiring it this instant. Our own process: another room of ours.
    if (!holder || holder === me || (await this.alive(holder))) return false;
    // The holder's process is gone: exactly one of the rooms that noticed takes over.
    const takeover = takeoverKey(sessionId, holder);
    if ((await this.presence.incr(takeover)) !== 1) return false;
    await this.presence.expire(takeover, CLAIM_TTL_S);
    await this.presence.setex(claimKey(sessionId), "1", CLAIM_TTL_S);
    await this.presence.setex(holderKey(sessionId), me, CLAIM_TTL_S);
    this.log(`session ${sessionId}: its room's process ${holder} is gone; this process (${me}) holds it now`);
    return true;
  }

  /** Keeps this process's claims alive; written again in full, so a Redis that restarted empty learns them back. */
  private async renew(): Promise<void> {
    const me = matchMaker.processId;
    for (const sessionId of this.held.keys()) {
      try {
        await this.presence.setex(claimKey(sessionId), "1", CLAIM_TTL_S);
        await this.presence.setex(holderKey(sessionId), me, CLAIM_TTL_S);
      } catch (e) {
        this.log(`session ${sessionId}: could not renew its room claim: ${(e as Error).message}`);
      }
    }
  }

  private relay(sessionId: string, message: Relay): void {
    Promise.resolve(this.presence.publish(channel(sessionId), message)).catch((e: unknown) =>
      this.log(`session ${sessionId}: could not reach its room: ${(e as Error).message}`),
    );
  }

  private deliver(sessionId: string, message: Relay): void {
    for (const room of this.rooms.get(sessionId) ?? []) {
      if (message.op === "end") room.endSession?.();
      else if (message.op === "link") room.linkRenewed?.(message.kind);
      else if (message.op === "brand") room.brandChanged?.(message.json);
      else room.agendaChanged?.();
    }
  }
}
