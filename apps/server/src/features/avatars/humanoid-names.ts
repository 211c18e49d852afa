/**
 * Recognises a humanoid skeleton by its bone names (Mixamo `mixamorig:LeftHand`, VRM/VRoid
 * `J_Bip_L_Hand`, Blender `hand.L` / `DEF-hand.R`, Unity `RightHand`, `Hips`, `pelvis`, `Head`).
 *
 * Names come from an upload, so the check must cost time linear in their length: a name is cut
 * into lower-case words (at separators and camelCase humps) in one pass, and words are compared
 * with `includes`/`===`, never with a backtracking regular expression (`(left|\bl\b).*hand` took
 * 0.2 s on one 32 kB name and grew with the square of its length).
 */

/** Longest part of a bone name looked at, characters: real rigs stay under ~64. */
export const BONE_NAME_MAX_CHARS = 256;

/** Words of a bone name: `mixamorig:LeftHandIndex1` → ["mixamorig", "left", "hand", "index", "1"]. */
export function boneNameWords(name: string): string[] {
  const words: string[] = [];
  let word = "";
  let prevLower = false;
  const end = Math.min(name.length, BONE_NAME_MAX_CHARS);
  for (let i = 0; i < end; i++) {
    const c = name.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (!upper && !lower && !digit) {
      if (word) words.push(word);
      word = "";
      prevLower = false;
      continue;
    }
    if (upper && prevLower && word) {
      words.push(word); // camelCase hump: "leftHand" → "left", "hand"
      word = "";
    }
    word += upper ? String.fromCharCode(c + 32) : name[i];
    prevLower = lower || digit;
  }
  if (word) words.push(word);
  return words;
}

type Part = "hips" | "head" | "leftHand" | "rightHand";

/** Which of the required parts one bone name names (at most a few; usually none). */
export function humanoidPartsOf(name: string): Part[] {
  const words = boneNameWords(name);
  const has = (pred: (w: string) => boolean) => words.some(pred);
  const parts: Part[] = [];
  if (has((w) => w.includes("hips") || w.includes("pelvis"))) parts.push("hips");
  if (has((w) => w.includes("head"))) parts.push("head");
  if (has((w) => w.includes("hand"))) {
    if (has((w) => w === "l" || w.includes("left"))) parts.push("leftHand");
    if (has((w) => w === "r" || w.includes("right"))) parts.push("rightHand");
  }
  return parts;
}

/** Whether a skeleton's joint names include hips, a head and both hands. */
export function looksHumanoid(names: readonly string[]): boolean {
  const found = new Set<Part>();
  for (const name of names) {
    for (const part of humanoidPartsOf(name)) found.add(part);
    if (found.size === 4) return true;
  }
  return false;
}
