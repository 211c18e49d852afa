import { createHmac, timingSafeEqual } from "node:crypto";
import { SESSION_ID_PATTERN, type LinkKind } from "@otc/contract";
import { z } from "zod";

/**
 * What an invitation link says, signed by the server: which session, which kind of link (the role
 * it grants), which link version (regenerating bumps it) and optionally when it stops working.
 * The token is `<base64url(JSON claim)>.<base64url(HMAC-SHA256)>`; editing any byte of the claim
 * (e.g. turning "p" into "f") breaks the signature.
 */
export interface LinkClaim {
  sessionId: string;
  kind: LinkKind;
  version: number;
  /** ms since the epoch; absent: valid until revoked or the session ends. */
  expiresAt?: number;
}

const wireClaim = z.object({
  s: z.string().regex(SESSION_ID_PATTERN),
  r: z.enum(["p", "f"]),
  v: z.number().int().min(1),
  e: z.number().int().optional(),
});

const SIGNATURE_BYTES = 16; // 128-bit HMAC tag: forging one is out of reach, and links stay short

function tag(secret: Buffer, payload: string): Buffer {
  return createHmac("sha256", secret).update(`otc-link:${payload}`).digest().subarray(0, SIGNATURE_BYTES);
}

export function signLink(secret: Buffer, claim: LinkClaim): string {
  const wire: z.input<typeof wireClaim> = { s: claim.sessionId, r: claim.kind === "facilitator" ? "f" : "p", v: claim.version };
  if (claim.expiresAt !== undefined) wire.e = claim.expiresAt;
  const payload = Buffer.from(JSON.stringify(wire)).toString("base64url");
  return `${payload}.${tag(secret, payload).toString("base64url")}`;
}

/** The claim of a token this server signed, or undefined for anything else (edited, truncated, foreign). */
export function verifyLink(secret: Buffer, token: string): LinkClaim | undefined {
  const dot = token.indexOf(".");
  if (dot <= 0 || token.length > 400) return undefined;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = tag(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = wireClaim.safeParse(json);
  if (!parsed.success) return undefined;
  const { s, r, v, e } = parsed.data;
  return { sessionId: s, kind: r === "f" ? "facilitator" : "participant", version: v, ...(e !== undefined ? { expiresAt: e } : {}) };
}

/**
 * The path a link opens: the client reads the token from `k`, and from `lang` the session's
 * language, which it shows when the browser prefers none of the catalogue languages.
 */
export function linkPath(sessionId: string, token: string, language?: string): string {
  return `/s/${sessionId}?k=${token}${language ? `&lang=${language}` : ""}`;
}
