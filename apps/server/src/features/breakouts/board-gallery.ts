import type { Client } from "@colyseus/core";
import { BreakoutServerMessage, type BoardSnapshot, type BreakoutGalleryMessage, type BreakoutGalleryPayload } from "@otc/contract";
import type { RoomContext } from "../../rooms/room-feature.js";
import { Whiteboards } from "../whiteboard/whiteboards.js";
import { BREAKOUT_COLLECTION, type BreakoutService } from "./breakout-service.js";

/** A group of the last breakout, as the main room remembers it after everyone came back. */
export interface LastGroup {
  sessionId: string;
  room: string;
}

/** Which main-room board shows which group's board (stored as the main session's "gallery" document). */
interface GalleryDocument {
  shows: { board: string; group: number }[];
  /** The page "all" last showed (absent in documents stored before paging). */
  page?: number;
}

/**
 * The board gallery after a breakout: a main-room board can show a read-only copy of a group's
 * board (the group's fullest board, as stored when its people left). Which board shows which group
 * is a document; the copies are read from the groups' stored boards once and kept while the room runs.
 */
export async function boardGallery(ctx: RoomContext, service: BreakoutService | null) {
  let doc = (await ctx.storage.getDocument<GalleryDocument>(ctx.sessionId, BREAKOUT_COLLECTION, "gallery"))?.body ?? { shows: [] };
  const copies = new Map<string, BoardSnapshot | null>();
  const boardIds = ctx.layout.boards.map((b) => b.id);
  /** Pages of groups: as many groups per page as the main room has boards. */
  const pagesOf = (last: readonly LastGroup[]) => (boardIds.length === 0 ? 0 : Math.ceil(last.length / boardIds.length));

  /** The group's fullest board (most items; the first of equals), read from its stored operations. */
  const copyOf = async (group: LastGroup): Promise<BoardSnapshot | null> => {
    if (copies.has(group.sessionId)) return copies.get(group.sessionId)!;
    const anchors = service?.layout(group.room)?.boards ?? [];
    const boards = await Whiteboards.load({ storage: ctx.storage, sessionId: group.sessionId, anchors, now: ctx.now, log: ctx.log, send: () => undefined, broadcast: () => undefined });
    await boards.settled();
    const best = boards.snapshots().reduce<BoardSnapshot | null>((a, b) => (a === null || b.items.length > a.items.length ? b : a), null);
    copies.set(group.sessionId, best);
    return best;
  };

  const payload = async (last: readonly LastGroup[]): Promise<BreakoutGalleryPayload> => {
    const shows: BreakoutGalleryPayload["shows"] = [];
    for (const s of doc.shows) {
      const group = last[s.group];
      const snapshot = group && (await copyOf(group));
      if (snapshot) shows.push({ board: s.board, group: s.group, snapshot });
    }
    return { shows, page: doc.page ?? 0, pages: pagesOf(last) };
  };

  const put = async (next: GalleryDocument, last: readonly LastGroup[]) => {
    await ctx.storage.putDocument(ctx.sessionId, BREAKOUT_COLLECTION, "gallery", next, ctx.now());
    doc = next;
    ctx.broadcast(BreakoutServerMessage.gallery, await payload(last));
  };

  return {
    /** Sends what the boards show now to one page (it asked for the breakout state). */
    async sendTo(client: Client, last: readonly LastGroup[]): Promise<void> {
      client.send(BreakoutServerMessage.gallery, await payload(last));
    },
    /** Every board its own again (a new breakout starts). */
    async clear(last: readonly LastGroup[]): Promise<void> {
      if (doc.shows.length > 0 || doc.page) await put({ shows: [], page: 0 }, last);
    },
    /** A facilitator's change; a string answer is why it was refused. */
    async change(v: BreakoutGalleryMessage, last: readonly LastGroup[]): Promise<string | void> {
      if (v.what === "none") return put({ shows: [], page: 0 }, last);
      if (last.length === 0) return "no breakout has finished yet";
      if (boardIds.length === 0) return "this room has no boards";
      if (v.what === "all") {
        if (v.page >= pagesOf(last)) return `the last breakout's ${last.length} groups fill ${pagesOf(last)} pages`;
        const first = v.page * boardIds.length;
        return put({ shows: boardIds.slice(0, last.length - first).map((board, i) => ({ board, group: first + i })), page: v.page }, last);
      }
      if (!boardIds.includes(v.board)) return `this room has no board "${v.board}"`;
      if (v.group >= last.length) return `the last breakout had ${last.length} groups`;
      const others = doc.shows.filter((s) => s.board !== v.board);
      return put({ shows: v.group < 0 ? others : [...others, { board: v.board, group: v.group }], page: doc.page ?? 0 }, last);
    },
  };
}
