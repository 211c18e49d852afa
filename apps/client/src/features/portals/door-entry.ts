/**
 * Going through a door opens another session's page. The person already chose a name, a colour and
 * whether they are muted on the way in, so the next page joins by itself: the door leaves a short-
 * lived note in `sessionStorage` (this tab only) saying which session it leads to, and the page of
 * that session takes it (once) and joins without showing the join screen's Join button.
 */

const KEY = "otc.door";
/** A note older than this is ignored: a later reload of the page shows the join screen as usual. */
export const DOOR_ENTRY_TTL_MS = 60_000;
/** Client flags that travel through a door (emulated headset, test hooks); the invitation is the server's. */
const CARRIED = ["xr", "testhooks"] as const;

export interface DoorEntry {
  sessionId: string;
  muted: boolean;
  at: number;
}

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The session id a door's path leads to (`/s/<id>?k=…`), or null for anything else. */
export function sessionOfPath(path: string): string | null {
  const match = /^\/s\/([^/?#]+)/.exec(path);
  return match ? decodeURIComponent(match[1]!).toLowerCase() : null;
}

/** The door's path with this page's client flags added (a door from an emulated-VR page stays emulated). */
export function doorDestination(path: string, currentSearch: string): string {
  const url = new URL(path, "http://door.invalid");
  const here = new URLSearchParams(currentSearch);
  for (const flag of CARRIED) {
    const value = here.get(flag);
    if (value !== null && !url.searchParams.has(flag)) url.searchParams.set(flag, value);
  }
  return `${url.pathname}${url.search}`;
}

export function rememberDoorEntry(storage: Store | undefined, entry: DoorEntry): void {
  try {
    storage?.setItem(KEY, JSON.stringify(entry));
  } catch {
    // private mode or full storage: the next page shows its Join button
  }
}

/** The note for `sessionId` if it is fresh; the note is removed either way, so it is used at most once. */
export function takeDoorEntry(storage: Store | undefined, sessionId: string, now: number): DoorEntry | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    storage?.removeItem(KEY);
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return null;
    const { sessionId: id, muted, at } = parsed as Record<string, unknown>;
    if (id !== sessionId || typeof at !== "number" || now - at < 0 || now - at > DOOR_ENTRY_TTL_MS) return null;
    return { sessionId, muted: muted === true, at };
  } catch {
    return null;
  }
}
