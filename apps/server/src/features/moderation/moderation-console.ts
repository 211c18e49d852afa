import type { Request, Response, Router } from "express";
import { consoleAdmitSchema, consoleModerationChangeSchema, consoleUnblockSchema, type ConsoleModerationView, type RoomLayout } from "@otc/contract";
import { describeIssues } from "../../parsed.js";
import type { SessionService } from "../sessions/session-service.js";
import type { Storage } from "../../storage/storage.js";
import { BLOCKED_COLLECTION, MODERATION_COLLECTION, SETTINGS_KEY, loadModeration } from "./moderation-store.js";

/** What the console may do to a running room's moderation (the room's feature implements it). */
export interface LiveModeration {
  view(): ConsoleModerationView;
  change(change: { locked?: boolean | undefined; capacity?: number | undefined }): Promise<void>;
  /** False when nobody by that id is waiting. */
  admit(personId: string, admit: boolean): boolean;
  unblock(personId: string): Promise<void>;
}

/** The running rooms' moderation by session id (one per server, handed to rooms and the console API). */
export class ModerationRooms {
  private readonly rooms = new Map<string, LiveModeration>();
  register(sessionId: string, live: LiveModeration): void {
    this.rooms.set(sessionId, live);
  }
  unregister(sessionId: string, live: LiveModeration): void {
    if (this.rooms.get(sessionId) === live) this.rooms.delete(sessionId);
  }
  get(sessionId: string): LiveModeration | undefined {
    return this.rooms.get(sessionId);
  }
}

export interface ModerationConsoleDeps {
  rooms: ModerationRooms;
  sessions: SessionService;
  storage: Storage;
  layoutOf(roomId: string): Pick<RoomLayout, "seats"> | undefined;
  now(): number;
}

/**
 * Console routes (under the console's sign-in): a session's lock, capacity, waiting room and
 * blocked list. A running room is changed through its feature (people see it at once); otherwise
 * the stored documents are, and the next room starts from them.
 */
export function mountModerationConsole(api: Router, deps: ModerationConsoleDeps): void {
  const stored = async (id: string): Promise<ConsoleModerationView> => {
    const session = await deps.sessions.get(id);
    const { settings, blocked } = await loadModeration(deps.storage, session.id, deps.layoutOf(session.room) ?? { seats: [] });
    return { live: false, ...settings, waiting: [], blocked: blocked.map((b) => ({ personId: b.personId, name: b.name })) };
  };
  const bad = (res: Response, detail: string) => void res.status(400).json({ error: detail });

  api.get("/sessions/:id/moderation", async (req: Request, res: Response) => {
    const id = String(req.params.id);
    res.json(deps.rooms.get(id)?.view() ?? (await stored(id)));
  });

  api.post("/sessions/:id/moderation", async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const body = consoleModerationChangeSchema.safeParse(req.body);
    if (!body.success) return bad(res, describeIssues(body.error.issues));
    const live = deps.rooms.get(id);
    if (live) await live.change(body.data);
    else {
      const now = await stored(id);
      await deps.storage.putDocument(id, MODERATION_COLLECTION, SETTINGS_KEY, { locked: body.data.locked ?? now.locked, capacity: body.data.capacity ?? now.capacity }, deps.now());
    }
    res.json(deps.rooms.get(id)?.view() ?? (await stored(id)));
  });

  api.post("/sessions/:id/moderation/admit", async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const body = consoleAdmitSchema.safeParse(req.body);
    if (!body.success) return bad(res, describeIssues(body.error.issues));
    const live = deps.rooms.get(id);
    if (!live?.admit(body.data.personId, body.data.admit)) return void res.status(404).json({ error: "Nobody by that id is waiting." });
    res.json(live.view());
  });

  api.post("/sessions/:id/moderation/unblock", async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const body = consoleUnblockSchema.safeParse(req.body);
    if (!body.success) return bad(res, describeIssues(body.error.issues));
    const live = deps.rooms.get(id);
    if (live) await live.unblock(body.data.personId);
    else {
      await deps.sessions.get(id);
      await deps.storage.deleteDocument(id, BLOCKED_COLLECTION, body.data.personId);
    }
    res.json(deps.rooms.get(id)?.view() ?? (await stored(id)));
  });
}
