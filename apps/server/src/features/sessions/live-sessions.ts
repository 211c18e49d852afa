/** What the console needs from a running room of a session. */
export interface LiveRoom {
  /** Tells everyone the session has ended and closes their connections. */
  endSession(): void;
  /** The console changed the session's brand (state JSON): people who load the room from now on see it. */
  brandChanged(brandJson: string): void;
}

/**
 * The training rooms running in this process, by session id, so that ending a session in the
 * console reaches the people in it. Created once per server and handed to rooms and the API.
 */
export class LiveSessions {
  private readonly rooms = new Map<string, Set<LiveRoom>>();

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

  brandChanged(sessionId: string, brandJson: string): void {
    for (const room of this.rooms.get(sessionId) ?? []) room.brandChanged(brandJson);
  }
}
