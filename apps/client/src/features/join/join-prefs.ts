import { SESSION_ID_PATTERN, cleanDisplayName, type BandwidthMode } from "@otc/contract";

export const AVATAR_SWATCHES = ["#1f6f8b", "#d1495b", "#edae49", "#3a9d5d", "#7b4fa0", "#e07a2f"] as const;

export interface JoinPrefs {
  name: string;
  colour: string;
  /** Chosen on the join screen each time (suggested from the link and the connection), not remembered. */
  bandwidth?: BandwidthMode;
  /** Given where the session asks for one (optional); typed each time, never remembered on the device. */
  email?: string;
}

const KEY = "otc.join";
const HEX = /^#[0-9a-f]{6}$/;

/** The session named by `/s/<id>`, or "demo" at `/` (and for anything that is not a valid id). */
export function sessionIdFromPath(pathname: string): string {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  const id = match ? decodeURIComponent(match[1]!).toLowerCase() : "";
  return SESSION_ID_PATTERN.test(id) ? id : "demo";
}

/** Last-used name and colour; falls back to an empty name and a swatch. */
export function loadJoinPrefs(storage: Pick<Storage, "getItem"> | undefined): JoinPrefs {
  const fallback: JoinPrefs = { name: "", colour: AVATAR_SWATCHES[0] };
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return fallback;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return fallback;
    const { name, colour } = parsed as Record<string, unknown>;
    return {
      name: typeof name === "string" ? cleanDisplayName(name) : "",
      colour: typeof colour === "string" && HEX.test(colour.toLowerCase()) ? colour.toLowerCase() : fallback.colour,
    };
  } catch {
    return fallback;
  }
}

export function saveJoinPrefs(storage: Pick<Storage, "setItem"> | undefined, prefs: JoinPrefs): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ name: prefs.name, colour: prefs.colour }));
  } catch {
    // Private mode or a full quota: remembering is a convenience, not a requirement.
  }
}
