import { z } from "zod";

/** Interface languages a session can be run in. */
export const LANGUAGES = ["en", "fr", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Room templates are files in assets/rooms/<id>.json; ids are lower-case words joined by '-'. */
export const ROOM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;

export const TITLE_MAX = 120; // characters

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/** Optional start and end of a session, ms since the epoch (UTC). */
export const scheduleSchema = z
  .object({ startsAt: epochMs, endsAt: epochMs })
  .refine((s) => s.endsAt > s.startsAt, { message: "the end must be after the start", path: ["endsAt"] });
export type Schedule = z.infer<typeof scheduleSchema>;

/** Body of `POST /api/sessions` (facilitator console). */
export const createSessionRequestSchema = z.object({
  title: z.string().trim().min(1, "give the session a title").max(TITLE_MAX),
  room: z.string().regex(ROOM_ID_PATTERN, "room: one of the room templates"),
  language: z.enum(LANGUAGES),
  schedule: scheduleSchema.nullable().optional(),
});
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>;

/** Which link: the participant link or the facilitator link. */
export const LINK_KINDS = ["participant", "facilitator"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A session as the console sees it. Links are paths on this server (`/s/<id>?k=<signed token>`). */
export interface SessionSummary {
  id: string;
  title: string;
  room: string;
  language: Language;
  schedule: Schedule | null;
  createdAt: number;
  endedAt: number | null;
  links: Record<LinkKind, string>;
}

/** A room template the console can offer. */
export interface RoomTemplateSummary {
  id: string;
  name: string;
  /** Made in the console from an uploaded model or archive (editable, exportable), not a built-in template. */
  imported: boolean;
}

/** Body of `POST /api/admin/sign-in`: the one-time link's token, or the ADMIN_SECRET. */
export const signInRequestSchema = z.union([
  z.object({ token: z.string().min(16).max(200) }),
  z.object({ secret: z.string().min(1).max(500) }),
]);

/** Every console API error answers `{ error: <sentence a person can act on> }`. */
export interface ApiError {
  error: string;
}

/** Close code the room uses when the facilitator ends the session (Colyseus application range). */
export const SESSION_ENDED_CODE = 4410;
