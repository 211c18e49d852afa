import type { Presence } from "@colyseus/core";
import type { BreakoutBroadcast, LinkKind, RoomLayout } from "@otc/contract";
import { startTimer } from "@otc/timer";
import type { SessionRecord, Storage } from "../../storage/storage.js";
import type { SessionService } from "../sessions/session-service.js";

/** Collection of a session's breakout documents: "plan" and "running" in the main session, "group" in each group's. */
export const BREAKOUT_COLLECTION = "breakout";
/** The room template groups meet in unless the facilitator picks another. */
export const DEFAULT_BREAKOUT_ROOM = "breakout-pods";

/** Stored in each group's session: where it belongs and when its people go back. */
export interface GroupDocument {
  mainSessionId: string;
  mainTitle: string;
  index: number;
  startedAt: number;
  endsAt: number;
}

/** What the main room can ask of a group's running room (in any process). */
export interface LiveGroup {
  /** The group's document changed (an early end): re-read it. */
  changed(doc: GroupDocument): void;
  message(message: BreakoutBroadcast): void;
}

/** What travels on a group's channel: the group's new document (an early end), or a broadcast. */
type GroupEvent = { kind: "changed"; doc: GroupDocument } | { kind: "message"; message: BreakoutBroadcast };

/** The pub/sub part of Colyseus' presence: in-process by default, Redis across processes. */
export type BreakoutBus = Pick<Presence, "publish" | "subscribe" | "unsubscribe">;

const channelOf = (groupSessionId: string) => `otc:breakout:${groupSessionId}`;

/**
 * Makes each group's companion session (in the chosen room, with the main session's language and
 * schedule, a countdown to the return already on its timer) and signs people's invitations. A group
 * room listens on its own channel of the presence bus wherever it runs, so the main room reaches it
 * at once for an early end or a broadcast, also in another process (Redis presence); a group room
 * that starts later reads the same stored documents.
 */
export class BreakoutService {
  private readonly listeners = new Map<string, { group: LiveGroup; onEvent: (event: unknown) => void }>();

  constructor(private readonly deps: { sessions: SessionService; storage: Storage; layouts: ReadonlyMap<string, RoomLayout>; now: () => number; bus: BreakoutBus }) {}

  hasRoom(room: string): boolean {
    return this.deps.layouts.has(room);
  }

  layout(room: string): RoomLayout | undefined {
    return this.deps.layouts.get(room);
  }

  /** `rooms`: one room template for every group, or one per group. */
  async createGroups(main: SessionRecord, rooms: string | readonly string[], count: number, run: number, startedAt: number, endsAt: number): Promise<SessionRecord[]> {
    const made: SessionRecord[] = [];
    const base = main.id.slice(0, 36).replace(/-+$/, "");
    for (let i = 0; i < count; i++) {
      const room = typeof rooms === "string" ? rooms : rooms[i]!;
      const roomName = this.deps.layouts.get(room)?.name ?? room;
      const id = `${base}-b${run}-g${i + 1}`;
      const record: SessionRecord = {
        ...main,
        id,
        title: `${main.title} · ${roomName} ${i + 1}`.slice(0, 120),
        room,
        createdAt: this.deps.now(),
        endedAt: null,
        linkVersions: { participant: 1, facilitator: 1 },
      };
      if (!(await this.deps.storage.getSession(id))) await this.deps.storage.createSession(record);
      const doc: GroupDocument = { mainSessionId: main.id, mainTitle: main.title, index: i, startedAt, endsAt };
      await this.deps.storage.putDocument(id, BREAKOUT_COLLECTION, "group", doc, this.deps.now());
      // The timer feature shows this countdown in the group from its first join.
      await this.deps.storage.putDocument(id, "timer", "timer", { timer: startTimer(startedAt, Math.round((endsAt - startedAt) / 1000), "", null) }, this.deps.now());
      made.push((await this.deps.storage.getSession(id)) ?? record);
    }
    return made;
  }

  /** Moves a group's end (early end): stored first, then told to its running room. */
  async changeEnd(groupSessionId: string, endsAt: number): Promise<void> {
    const doc = (await this.deps.storage.getDocument<GroupDocument>(groupSessionId, BREAKOUT_COLLECTION, "group"))?.body;
    if (!doc) return;
    const next = { ...doc, endsAt };
    await this.deps.storage.putDocument(groupSessionId, BREAKOUT_COLLECTION, "group", next, this.deps.now());
    this.publish(groupSessionId, { kind: "changed", doc: next });
  }

  message(groupSessionId: string, message: BreakoutBroadcast): void {
    this.publish(groupSessionId, { kind: "message", message });
  }

  private publish(groupSessionId: string, event: GroupEvent): void {
    // A lost event is not lost work: the end time is stored, and a group room reads it when it (re)starts.
    void Promise.resolve(this.deps.bus.publish(channelOf(groupSessionId), event)).catch(() => undefined);
  }

  async session(id: string): Promise<SessionRecord | undefined> {
    return this.deps.storage.getSession(id);
  }

  path(record: SessionRecord, kind: LinkKind): string {
    return this.deps.sessions.link(record, kind);
  }

  /** A group room starts listening on its channel (resolved once the bus has subscribed). */
  async register(sessionId: string, group: LiveGroup): Promise<void> {
    this.unregister(sessionId, this.listeners.get(sessionId)?.group ?? group);
    const onEvent = (event: unknown) => {
      const e = event as Partial<GroupEvent> | null;
      if (e?.kind === "changed" && e.doc) group.changed(e.doc);
      else if (e?.kind === "message" && e.message) group.message(e.message);
    };
    this.listeners.set(sessionId, { group, onEvent });
    await this.deps.bus.subscribe(channelOf(sessionId), onEvent);
  }

  unregister(sessionId: string, group: LiveGroup): void {
    const entry = this.listeners.get(sessionId);
    if (entry?.group !== group) return;
    this.listeners.delete(sessionId);
    void Promise.resolve(this.deps.bus.unsubscribe(channelOf(sessionId), entry.onEvent)).catch(() => undefined);
  }
}
