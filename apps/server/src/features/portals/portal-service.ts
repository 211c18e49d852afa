import { notice, type LinkKind, type Notice, type PortalOpen, type RoomLayout } from "@otc/contract";
import { portalTargetId } from "@otc/rooms";
import type { Storage } from "../../storage/storage.js";
import type { SessionService } from "../sessions/session-service.js";

const COLLECTION = "session";
const ROOT_KEY = "root";

export type PortalResult = { ok: true; open: Omit<PortalOpen, "portal"> } | { ok: false; notice: Notice };

/**
 * Where a door leads: the training's root session (the one created in the console), or its
 * companion session in the door's room, created on first use with the root's title, language and
 * schedule and remembered as the root's (a door there leads back). The walker gets the same kind
 * of link they came in with.
 */
export class PortalService {
  constructor(
    private readonly deps: { sessions: SessionService; storage: Storage; layouts: ReadonlyMap<string, RoomLayout>; now: () => number },
  ) {}

  async open(fromSessionId: string, to: string, kind: LinkKind): Promise<PortalResult> {
    const room = this.deps.layouts.get(to);
    if (!room) return { ok: false, notice: notice("door-unknown-room", { room: to }) };
    const rootId = (await this.deps.storage.getDocument<string>(fromSessionId, COLLECTION, ROOT_KEY))?.body ?? fromSessionId;
    const root = await this.deps.storage.getSession(rootId);
    if (!root) return { ok: false, notice: notice("door-training-gone") };
    const targetId = portalTargetId(root, to);
    let target = await this.deps.storage.getSession(targetId);
    if (!target) {
      target = { ...root, id: targetId, title: `${root.title} · ${room.name}`.slice(0, 120), room: to, createdAt: this.deps.now(), endedAt: null, linkVersions: { participant: 1, facilitator: 1 } };
      const made = await this.deps.storage.createSession(target).then(() => true, () => false); // two walkers at once: one creates it
      if (made) await this.deps.storage.putDocument(targetId, COLLECTION, ROOT_KEY, root.id, this.deps.now());
      target = (await this.deps.storage.getSession(targetId)) ?? target;
    }
    if (target.endedAt !== null) return { ok: false, notice: notice("door-session-ended", { title: target.title }) };
    return { ok: true, open: { path: this.deps.sessions.link(target, kind), title: target.title } };
  }
}
