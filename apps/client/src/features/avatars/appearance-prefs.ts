import { appearanceSchema, MODEL_HASH_PATTERN, type Appearance } from "@otc/contract";

/** What this browser remembers about the person's avatar: the look, and an uploaded model (by hash). */
export interface AvatarPrefs {
  appearance: Appearance | null;
  model: { hash: string; name: string } | null;
}

const KEY = "otc.avatar";

export function loadAvatarPrefs(storage: Pick<Storage, "getItem"> | undefined): AvatarPrefs {
  const empty: AvatarPrefs = { appearance: null, model: null };
  try {
    const raw: unknown = JSON.parse(storage?.getItem(KEY) ?? "null");
    if (typeof raw !== "object" || raw === null) return empty;
    const { appearance, model } = raw as Record<string, unknown>;
    const look = appearanceSchema.safeParse(appearance);
    const m = model as { hash?: unknown; name?: unknown } | null;
    const validModel = m && typeof m.hash === "string" && MODEL_HASH_PATTERN.test(m.hash) ? { hash: m.hash, name: typeof m.name === "string" ? m.name.slice(0, 80) : "model" } : null;
    return { appearance: look.success ? look.data : null, model: validModel };
  } catch {
    return empty;
  }
}

export function saveAvatarPrefs(storage: Pick<Storage, "setItem"> | undefined, prefs: AvatarPrefs): void {
  try {
    storage?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Private mode or a full quota: remembering is a convenience.
  }
}
