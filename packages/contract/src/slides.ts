import { schema, t, type SchemaType } from "@colyseus/schema";
import { z } from "zod";

/** Largest deck the server accepts (PDF, or PPTX/ODP before conversion), bytes. */
export const SLIDE_DECK_MAX_BYTES = 40 * 1024 * 1024;
/** Most pages a deck may have. */
export const SLIDE_DECK_MAX_PAGES = 1000;
/**
 * Deck routes. Room uploads/list/download carry the invitation in headers (SLIDE_LINK_HEADER,
 * SLIDE_PERSON_HEADER): `POST /slides/<session>/decks?name=…` (body: the file), `GET /slides/<session>/decks`,
 * `GET /slides/<session>/decks/<deckId>.pdf`. The console uses `/api/sessions/<session>/decks` (admin).
 */
export const SLIDES_ROUTE = "/slides";
export const SLIDE_LINK_HEADER = "x-otc-link";
export const SLIDE_PERSON_HEADER = "x-otc-person-key";
/** A deck's id: the first 32 hex digits of the SHA-256 of its PDF bytes. */
export const DECK_ID_PATTERN = /^[0-9a-f]{32}$/;
const screenId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);

/** A deck as the server lists it. */
export const deckSummarySchema = z.object({
  id: z.string().regex(DECK_ID_PATTERN),
  name: z.string().max(120),
  pageCount: z.number().int().min(1),
  bytes: z.number().int().min(0),
  uploadedAt: z.number(),
  /** "pdf", or the format it was converted from. */
  source: z.enum(["pdf", "pptx", "odp"]),
});
export type DeckSummary = z.infer<typeof deckSummarySchema>;

/** Client → server slide messages. Paging, assigning and grants are documents; the pointer is presence. */
export const SlidesMessage = {
  page: "slides.page",
  assign: "slides.assign",
  grant: "slides.grant",
  pointer: "slides.pointer",
} as const;

/** Move a screen to the next/previous page or to a page number (1-based). */
export const slidePageMessageSchema = z.object({
  screenId,
  to: z.union([z.enum(["next", "prev", "first", "last"]), z.number().int().min(1).max(SLIDE_DECK_MAX_PAGES)]),
});
export type SlidePageMessage = z.infer<typeof slidePageMessageSchema>;

/** Show an uploaded deck on a screen (from page 1), or clear it with `deckId: null`. */
export const slideAssignMessageSchema = z.object({ screenId, deckId: z.string().regex(DECK_ID_PATTERN).nullable() });
export type SlideAssignMessage = z.infer<typeof slideAssignMessageSchema>;

/** A facilitator lets a participant page the screens (or takes it back). */
export const slideGrantMessageSchema = z.object({ participantId: z.string().min(1).max(64), presenter: z.boolean() });
export type SlideGrantMessage = z.infer<typeof slideGrantMessageSchema>;

/** Where the presenter points on a screen: u, v in 0..1 from the top-left corner; `null` hides it. */
export const slidePointerMessageSchema = z.object({
  screenId,
  at: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).nullable(),
});
export type SlidePointerMessage = z.infer<typeof slidePointerMessageSchema>;

/** Server → client: a presenter's pointer moved (relayed, never stored). */
export const SlidePointerBroadcast = "slides.pointed";
export type SlidePointerBroadcastPayload = SlidePointerMessage & { by: string };

/** What one slide screen shows: a document, stored and replayed. Empty `deckId` = nothing. */
export const SlideScreen = schema(
  {
    deckId: t.string().default(""),
    deckName: t.string().default(""),
    /** 1-based. */
    page: t.uint16().default(1),
    pageCount: t.uint16().default(0),
  },
  "SlideScreen",
);
export type SlideScreen = SchemaType<typeof SlideScreen>;

/** Slide screens by the room file's screen id, and who besides facilitators may page them. */
export const SlidesState = schema(
  {
    screens: t.map(SlideScreen),
    /** Participant ids (connections) granted the presenter right, value true. */
    presenters: t.map("boolean"),
  },
  "SlidesState",
);
export type SlidesState = SchemaType<typeof SlidesState>;
