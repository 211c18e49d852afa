import { z } from "zod";
import { bandwidthModeSchema } from "./bandwidth.js";

/**
 * What a person takes part from: a computer with a mouse and keyboard, a headset, or a touch screen
 * (a phone, or a tablet: a touch screen whose shorter side is 600 CSS pixels or more).
 */
export const DEVICE_KINDS = ["desktop", "vr", "phone", "tablet"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const NAME_MAX = 32; // characters, after cleaning
export const PERSON_KEY_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
export const SESSION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;

// C0/C1 control characters, zero-width and bidi overrides: invisible or layout-breaking in a name tag.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/** Trims, strips control characters, collapses whitespace and caps the length of a display name. */
export function cleanDisplayName(raw: string): string {
  const cleaned = raw.replace(CONTROL, "").replace(/\s+/g, " ").trim();
  return Array.from(cleaned).slice(0, NAME_MAX).join("");
}

export const EMAIL_MAX = 254; // characters (RFC 5321 path limit)
/**
 * A plausible email address: something, one @, a domain with a dot, no spaces or brackets. It is
 * what an xAPI `mbox` needs; whether mail reaches it is not checked (nothing is ever mailed).
 */
export const EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:".]+(\.[^\s@<>()[\],;:".]+)+$/;

/** Why an email typed at join is refused ("long", "shape"), or null when it is fine or empty (it is optional). */
export function emailProblem(raw: string): "long" | "shape" | null {
  const email = raw.trim();
  if (email === "") return null;
  if (email.length > EMAIL_MAX) return "long";
  return EMAIL_PATTERN.test(email) ? null : "shape";
}

export const colourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "colour must look like #12ab34").transform((c) => c.toLowerCase());

/** What a client sends when joining; validated in the room's onAuth. */
export const joinOptionsSchema = z.object({
  protocol: z.number().int(),
  sessionId: z.string().regex(SESSION_ID_PATTERN, "session id: lowercase letters, digits and '-'"),
  name: z
    .string()
    .max(256)
    .transform(cleanDisplayName)
    .refine((n) => n.length > 0, "name must not be empty"),
  colour: colourSchema,
  device: z.enum(DEVICE_KINDS),
  /** The signed token from the invitation link (`?k=`); the server derives the role from it. */
  link: z.string().max(400).optional(),
  /**
   * A random secret this browser tab keeps (sessionStorage), so a person who reconnects, even after
   * a server restart, is recognised as the same person (keeps a co-facilitator promotion).
   */
  personKey: z.string().regex(PERSON_KEY_PATTERN, "personKey: 22 to 64 URL-safe characters"),
  /**
   * The person's email, only where the session asks for one at join (otherwise ignored): kept with
   * their attendance for the facilitators and used as their xAPI `mbox`. Empty: none given.
   */
  email: z
    .string()
    .max(EMAIL_MAX * 2)
    .transform((e) => e.trim())
    .refine((e) => emailProblem(e) === null, "not an email address (name@example.org)")
    .optional(),
  /** Low-bandwidth mode (join screen, `&bandwidth=low`); normal when absent. */
  bandwidth: bandwidthModeSchema.optional(),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;
export type CleanJoinOptions = z.output<typeof joinOptionsSchema>;
