import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { DECK_ID_PATTERN, type DeckSummary } from "@otc/contract";
import type { Storage } from "../../storage/storage.js";

/** Collection of a session's decks (documents keyed by deck id). */
export const DECKS_COLLECTION = "slide-decks";

/**
 * A session's slide decks: the PDF bytes on disk, named by content (`<dataDir>/slides/<id>.pdf`, so
 * the same file uploaded twice is stored once), and one document per deck and session saying the
 * deck belongs to it. A deck is visible only to the sessions that hold its document.
 */
export class DeckStore {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly storage: Storage,
  ) {
    this.dir = path.join(dataDir, "slides");
  }

  /** Stores the file (durably, before the document names it) and records the deck in the session. */
  async add(sessionId: string, pdf: Uint8Array, meta: Pick<DeckSummary, "name" | "pageCount" | "source">, at: number): Promise<DeckSummary> {
    const id = createHash("sha256").update(pdf).digest("hex").slice(0, 32);
    const file = this.fileOf(id)!;
    if (!existsSync(file)) {
      await mkdir(this.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, pdf, { flush: true });
      await rename(tmp, file); // never serve a half-written deck
    }
    const deck: DeckSummary = { id, ...meta, bytes: pdf.byteLength, uploadedAt: at };
    await this.storage.putDocument(sessionId, DECKS_COLLECTION, id, deck, at);
    return deck;
  }

  async list(sessionId: string): Promise<DeckSummary[]> {
    const docs = await this.storage.listDocuments<DeckSummary>(sessionId, DECKS_COLLECTION);
    return docs.map((d) => d.body).sort((a, b) => b.uploadedAt - a.uploadedAt);
  }

  async get(sessionId: string, deckId: string): Promise<DeckSummary | undefined> {
    if (!DECK_ID_PATTERN.test(deckId)) return undefined;
    return (await this.storage.getDocument<DeckSummary>(sessionId, DECKS_COLLECTION, deckId))?.body;
  }

  /** The file for a deck id, or null when the id is malformed (never a path outside the folder). */
  fileOf(deckId: string): string | null {
    return DECK_ID_PATTERN.test(deckId) ? path.join(this.dir, `${deckId}.pdf`) : null;
  }
}
