import type { LinkKind } from "@otc/contract";

/** What the console needs from a running room of a session. */
export interface LiveRoom {
  /** Tells everyone the session has ended and closes their connections. */
  endSession(): void;
  /** The console changed the session's brand (state JSON): people who load the room from now on see it. */
  brandChanged(brandJson: string): void;
  /** The console renewed one kind of link: everyone admitted with the old one loses their seat. */
  linkRenewed(kind: LinkKind): void;
}

/**
 * The training rooms running in this process, by session id, so that ending a session in the
 * console reaches the people in it. Created once per server and handed to rooms and the API.
 */
export class LiveSessions {
  private readonly rooms = new Map<string, Set<LiveRoom>>();
  /** The one room object that holds each session (claimed before a room loads anything). */
  private readonly holders = new Map<string, object>();

  /** Claims a session for one room; false when another room already holds it. Synchronous, so two creations cannot both win. */
  claim(sessionId: string, holder: object): boolean {
    const current = this.holders.get(sessionId);
    if (current && current !== holder) return false;
    this.holders.set(sessionId, holder);
    return true;
  }

  release(sessionId: string, holder: object): void {
    if (this.holders.get(sessionId) === holder) this.holders.delete(sessionId);
  }

  register(sessionId: string, room: LiveRoom): void {
    const set = this.rooms.get(sessionId) ?? new Set<LiveRoom>();
    set.add(room);
    this.rooms.set(sessionId, set);
  }

  unregister(sessionId: string, room: LiveRoom): void {
    const set = this.rooms.get(sessionId);
    set?.delete(room);
    if (set?.size === 0) this.rooms.delete(sessionId);
  }

  end(sessionId: string): void {
    for (const room of this.rooms.get(sessionId) ?? []) room.endSession();
  }

  linkRenewed(sessionId: string, kind: LinkKind): void {
    for (const room of this.rooms.get(sessionId) ?? []) room.linkRenewed(kind);
  }

  brandChanged(sessionId: string, brandJson: string): void {
    for (const room of this.rooms.get(sessionId) ?? []) room.brandChanged(brandJson);
  }
}
