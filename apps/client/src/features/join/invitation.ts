import { PERSON_KEY_PATTERN } from "@otc/contract";
import { sessionIdFromPath } from "./join-prefs.js";

/** What the address bar says about where to go: the session and the signed invitation token, if any. */
export interface Invitation {
  sessionId: string;
  /** The `k` parameter of an invitation link; null when the address has none. */
  link: string | null;
}

export function invitationFrom(location: Pick<Location, "pathname" | "search">): Invitation {
  const link = new URLSearchParams(location.search).get("k");
  return { sessionId: sessionIdFromPath(location.pathname), link: link && link.length <= 400 ? link : null };
}

const PERSON_KEY = "otc.personKey";

/**
 * This tab's person key: kept in sessionStorage, so a reload or a rejoin after a server restart is
 * the same person (and keeps a promotion), while another tab or browser is another person.
 */
export function personKeyFor(storage: Pick<Storage, "getItem" | "setItem"> | undefined, random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array): string {
  try {
    const existing = storage?.getItem(PERSON_KEY);
    if (existing && PERSON_KEY_PATTERN.test(existing)) return existing;
  } catch {
    // storage blocked: a key for this page's lifetime still works across reconnects
  }
  const bytes = random(new Uint8Array(18));
  const key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  try {
    storage?.setItem(PERSON_KEY, key);
  } catch {
    // see above
  }
  return key;
}
