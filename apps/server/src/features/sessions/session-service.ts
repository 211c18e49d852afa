import type { CreateSessionRequest, LinkKind, Role, SessionSummary } from "@otc/contract";
import { createSessionRequestSchema } from "@otc/contract";
import type { SessionRecord, Storage } from "../../storage/storage.js";
import { linkPath, signLink } from "./links.js";
import { sessionIdFor } from "./session-ids.js";

/** A link of a scheduled session keeps working this long after the scheduled end, ms. */
export const LINK_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SessionServiceDeps {
  storage: Storage;
  secret: Buffer;
  now: () => number;
  random: () => number;
  /** Room templates a session may use. */
  roomIds: () => readonly string[];
}

export class SessionError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** Creating, listing, ending sessions and issuing their signed links (the console API's rules). */
export class SessionService {
  constructor(private readonly deps: SessionServiceDeps) {}

  async create(input: CreateSessionRequest): Promise<SessionRecord> {
    const req = createSessionRequestSchema.parse(input);
    if (!this.deps.roomIds().includes(req.room)) throw new SessionError(400, `room: "${req.room}" is not one of the room templates`);
    const record: SessionRecord = {
      id: sessionIdFor(req.title, this.deps.random),
      title: req.title,
      room: req.room,
      language: req.language,
      schedule: req.schedule ?? null,
      createdAt: this.deps.now(),
      endedAt: null,
      linkVersions: { participant: 1, facilitator: 1 },
    };
    await this.deps.storage.createSession(record);
    return record;
  }

  /** Creates a session with a fixed id if it does not exist yet (the demo session printed on start). */
  async ensure(id: string, title: string, room: string): Promise<SessionRecord> {
    const existing = await this.deps.storage.getSession(id);
    if (existing) return existing;
    const record: SessionRecord = {
      id,
      title,
      room,
      language: "en",
      schedule: null,
      createdAt: this.deps.now(),
      endedAt: null,
      linkVersions: { participant: 1, facilitator: 1 },
    };
    await this.deps.storage.createSession(record);
    return record;
  }

  list(): Promise<SessionRecord[]> {
    return this.deps.storage.listSessions();
  }

  async get(id: string): Promise<SessionRecord> {
    const record = await this.deps.storage.getSession(id);
    if (!record) throw new SessionError(404, `There is no session "${id}".`);
    return record;
  }

  async end(id: string): Promise<SessionRecord> {
    await this.get(id);
    return (await this.deps.storage.endSession(id, this.deps.now()))!;
  }

  /** Revokes every earlier link of that kind and returns the session with the new one. */
  async regenerate(id: string, kind: LinkKind): Promise<SessionRecord> {
    const record = await this.get(id);
    if (record.endedAt !== null) throw new SessionError(409, "This session has ended; its links cannot be renewed.");
    return (await this.deps.storage.bumpLinkVersion(id, kind))!;
  }

  /** The signed link path for one kind of link, as of the session's current link version. */
  link(record: SessionRecord, kind: LinkKind): string {
    const expiresAt = record.schedule ? record.schedule.endsAt + LINK_GRACE_MS : undefined;
    const token = signLink(this.deps.secret, {
      sessionId: record.id,
      kind,
      version: record.linkVersions[kind],
      ...(expiresAt !== undefined ? { expiresAt } : {}),
    });
    return linkPath(record.id, token, record.language);
  }

  summary(record: SessionRecord): SessionSummary {
    return {
      id: record.id,
      title: record.title,
      room: record.room,
      language: record.language,
      schedule: record.schedule,
      createdAt: record.createdAt,
      endedAt: record.endedAt,
      links: { participant: this.link(record, "participant"), facilitator: this.link(record, "facilitator") },
    };
  }
}

/** The role a link grants before any promotion. */
export function roleOfLink(kind: LinkKind): Role {
  return kind === "facilitator" ? "facilitator" : "participant";
}
