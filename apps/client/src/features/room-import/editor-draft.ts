import { roomLayoutSchema, type RoomLayout } from "@otc/contract";

/**
 * Unsaved anchor-editor work, kept in this browser (localStorage) while the facilitator edits, so a
 * reload, an expired sign-in or a closed tab loses nothing: opening the same room or model again
 * offers it back. Saving the room clears it.
 */
export interface EditorDraft {
  room: RoomLayout;
  /** When it was last changed, ms since the epoch. */
  at: number;
}

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "otc.room-draft.";
/** Older drafts are dropped when found. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 3600_000;

/** One draft per imported model (a new import of it starts from the same draft), else per room id. */
export function draftKey(room: RoomLayout): string {
  return PREFIX + (room.environment?.model ?? `room:${room.id}`);
}

export function saveDraft(storage: Store | undefined, key: string, room: RoomLayout, now: number): void {
  try {
    storage?.setItem(key, JSON.stringify({ room, at: now }));
  } catch {
    // full or private storage: the draft lasts for this page only
  }
}

/** The draft under `key` if it is a valid room file and recent enough; a stale or damaged one is removed. */
export function loadDraft(storage: Store | undefined, key: string, now: number): EditorDraft | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    const at = typeof parsed === "object" && parsed !== null ? (parsed as { at?: unknown }).at : undefined;
    const room = roomLayoutSchema.safeParse(typeof parsed === "object" && parsed !== null ? (parsed as { room?: unknown }).room : undefined);
    if (typeof at === "number" && now - at <= DRAFT_MAX_AGE_MS && room.success) return { room: room.data, at };
    storage?.removeItem(key);
    return null;
  } catch {
    return null;
  }
}

export function clearDraft(storage: Store | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to do
  }
}

/** Whether a draft holds changes over the room the editor opened with. */
export function draftDiffers(draft: EditorDraft, start: RoomLayout): boolean {
  const parsed = roomLayoutSchema.safeParse(start); // the draft was read through the schema: compare like with like
  return JSON.stringify(draft.room) !== JSON.stringify(parsed.success ? parsed.data : start);
}
