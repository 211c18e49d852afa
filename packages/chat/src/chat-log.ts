import { CHAT_HISTORY, type ChatEntry } from "@otc/contract";

/** Who is reading: their person id and whether they moderate (facilitators read private messages). */
export interface Reader {
  personId: string;
  moderator: boolean;
}

/** Whether `reader` may read `entry`: room chat is for everyone; a private one for facilitators and its sender. */
export function mayRead(entry: Pick<ChatEntry, "to" | "fromPerson">, reader: Reader): boolean {
  return entry.to === "everyone" || reader.moderator || entry.fromPerson === reader.personId;
}

/**
 * The chat of one session as the room keeps it in memory: the last CHAT_HISTORY messages not
 * deleted, in posting order, and the next id. Filled from storage on start, then appended to.
 */
export class ChatLog {
  private entries: ChatEntry[] = [];
  private lastId = 0;

  constructor(private readonly keep = CHAT_HISTORY) {}

  /** Puts back stored messages (any order); deleted ones only advance the id. */
  restore(stored: readonly { entry: ChatEntry; deleted: boolean }[]): void {
    const sorted = [...stored].sort((a, b) => a.entry.id - b.entry.id);
    for (const s of sorted) this.lastId = Math.max(this.lastId, s.entry.id);
    this.entries = sorted.filter((s) => !s.deleted).map((s) => s.entry).slice(-this.keep);
  }

  nextId(): number {
    return this.lastId + 1;
  }

  append(entry: ChatEntry): void {
    this.lastId = Math.max(this.lastId, entry.id);
    this.entries.push(entry);
    if (this.entries.length > this.keep) this.entries.splice(0, this.entries.length - this.keep);
  }

  get(id: number): ChatEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** True when the message was there. */
  delete(id: number): boolean {
    const i = this.entries.findIndex((e) => e.id === id);
    if (i < 0) return false;
    this.entries.splice(i, 1);
    return true;
  }

  /** The last messages this reader may read, oldest first. */
  visibleTo(reader: Reader): ChatEntry[] {
    return this.entries.filter((e) => mayRead(e, reader));
  }
}
