/**
 * What a door's answer (`portal.open`: an invitation path on this server) means to this page: the
 * session and signed link to switch to in place (see connection/switch-room.ts), and the address the
 * page shows afterwards, so that a reload lands in the room one walked into.
 */

/** Client flags that travel through a door (emulated headset, test hooks); the invitation is the server's. */
const CARRIED = ["xr", "testhooks"] as const;
/** Longest link the page accepts (as the join screen does). */
const MAX_LINK = 400;

/** The session id a door's path leads to (`/s/<id>?k=…`), or null for anything else. */
export function sessionOfPath(path: string): string | null {
  const match = /^\/s\/([^/?#]+)/.exec(path);
  return match ? decodeURIComponent(match[1]!).toLowerCase() : null;
}

/** The session and signed link of an invitation path, or null when it is not one. */
export function invitationOfPath(path: string): { sessionId: string; link: string } | null {
  const sessionId = sessionOfPath(path);
  const link = new URL(path, "http://door.invalid").searchParams.get("k");
  return sessionId && link && link.length <= MAX_LINK ? { sessionId, link } : null;
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
