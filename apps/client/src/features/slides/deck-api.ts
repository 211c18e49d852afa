import { SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, SLIDES_ROUTE, deckSummarySchema, type DeckSummary } from "@otc/contract";
import { serverErrorWording } from "../connection/error-text.js";
import { readBody } from "../connection/read-body.js";
import type { Wording } from "../i18n/wording.js";

/** Who is asking: the invitation this page joined with (the server admits deck requests like joins). */
export interface DeckAuth {
  endpoint: string;
  sessionId: string;
  link: string;
  personKey: string;
}

/** A failure is worded for people: the server's refusal code or sentence, or the page's own message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Wording | string };

const BAD_ANSWER: Wording = { key: "errors.badAnswer" };
const UNREACHABLE: Wording = { key: "errors.unreachable" };

const headers = (auth: DeckAuth) => ({ [SLIDE_LINK_HEADER]: auth.link, [SLIDE_PERSON_HEADER]: auth.personKey });
const base = (auth: DeckAuth) => `${auth.endpoint}${SLIDES_ROUTE}/${encodeURIComponent(auth.sessionId)}/decks`;

async function errorOf(res: Response): Promise<Wording | string> {
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === "string") return serverErrorWording(body.error);
  } catch {
    // not JSON: fall through
  }
  return { key: "errors.http", params: { status: res.status } };
}

/** Sends a deck file (PDF, or PPTX/ODP when the server has LibreOffice); the server checks it by content. */
export async function uploadDeck(auth: DeckAuth, file: File): Promise<Result<DeckSummary>> {
  try {
    const res = await fetch(`${base(auth)}?name=${encodeURIComponent(file.name)}`, { method: "POST", body: file, headers: { ...headers(auth), "content-type": "application/octet-stream" } });
    if (!res.ok) return { ok: false, error: await errorOf(res) };
    const deck = deckSummarySchema.safeParse(await res.json());
    return deck.success ? { ok: true, value: deck.data } : { ok: false, error: BAD_ANSWER };
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

export async function listDecks(auth: DeckAuth): Promise<Result<DeckSummary[]>> {
  try {
    const res = await fetch(base(auth), { headers: headers(auth) });
    if (!res.ok) return { ok: false, error: await errorOf(res) };
    const decks = deckSummarySchema.array().safeParse(await res.json());
    return decks.success ? { ok: true, value: decks.data } : { ok: false, error: BAD_ANSWER };
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

/** Downloads a deck's PDF bytes, reporting the fraction received (0..1) as it streams in. */
export async function downloadDeck(auth: DeckAuth, deckId: string, onProgress: (fraction: number) => void): Promise<Result<Uint8Array>> {
  try {
    const res = await fetch(`${base(auth)}/${deckId}.pdf`, { headers: headers(auth) });
    if (!res.ok || !res.body) return { ok: false, error: await errorOf(res) };
    const bytes = await readBody(res, onProgress);
    return { ok: true, value: bytes };
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}
