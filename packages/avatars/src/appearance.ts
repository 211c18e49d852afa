import { SKIN_TONES, appearanceSchema, type Appearance } from "@otc/contract";

/** The look someone gets before choosing one: regular build, short hair, clothes in their colour. */
export function defaultAppearance(colour: string): Appearance {
  return { body: "regular", skin: SKIN_TONES[1], hair: "short", hairColour: "#3b2a20", clothing: /^#[0-9a-f]{6}$/.test(colour) ? colour : "#1f6f8b" };
}

/** Reads an appearance from stored JSON (state field or local storage); anything invalid gives the default. */
export function parseAppearance(json: string | null | undefined, colour: string): Appearance {
  if (!json) return defaultAppearance(colour);
  try {
    const parsed = appearanceSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : defaultAppearance(colour);
  } catch {
    return defaultAppearance(colour);
  }
}
