import { sessionBrandSchema, type SessionBrand } from "@otc/contract";
import type { Storage } from "../../storage/storage.js";

/** Document collection holding a session's brand (one document, key "brand"). */
const COLLECTION = "session";
const KEY = "brand";

/** The session's brand over its room, or null when the console never set one (or it no longer validates). */
export async function loadSessionBrand(storage: Storage, sessionId: string): Promise<SessionBrand | null> {
  const doc = await storage.getDocument<unknown>(sessionId, COLLECTION, KEY);
  const parsed = sessionBrandSchema.safeParse(doc?.body);
  return parsed.success ? parsed.data : null;
}

/** Keeps the session's brand; an empty object clears it back to the room's own. */
export async function saveSessionBrand(storage: Storage, sessionId: string, brand: SessionBrand, at: number): Promise<void> {
  await storage.putDocument(sessionId, COLLECTION, KEY, brand, at);
}

/** How the brand travels in the room state: JSON, "" for none. */
export const brandStateValue = (brand: SessionBrand | null) => (brand && Object.keys(brand).length > 0 ? JSON.stringify(brand) : "");
