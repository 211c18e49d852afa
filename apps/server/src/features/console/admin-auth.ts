import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Storage } from "../../storage/storage.js";

export const ADMIN_COOKIE = "otc_admin";
const SIGN_IN_SETTING = "admin-sign-in";
/** Console cookies signed out before they expired: nonce → expiry ms (kept until then). */
const SIGNED_OUT_SETTING = "admin-signed-out";
/** How long a printed one-time sign-in link works, ms. */
export const SIGN_IN_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a console sign-in lasts, ms. */
export const ADMIN_COOKIE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const sha256 = (s: string) => createHash("sha256").update(s).digest();

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may use the facilitator console: whoever redeemed the one-time sign-in link the server
 * printed, or knows ADMIN_SECRET. A signed-in browser holds an HMAC-signed, expiring cookie with a
 * random nonce; signing out records the nonce, so a copied cookie stops working too (not just the
 * browser forgetting it). Call `load()` once before serving.
 */
export class AdminAuth {
  private signedOut = new Map<string, number>();

  constructor(
    private readonly deps: { storage: Storage; secret: Buffer; now: () => number; adminSecret?: string | undefined },
  ) {}

  /** Reads the signed-out cookies kept in the database. */
  async load(): Promise<void> {
    const raw = await this.deps.storage.getSetting(SIGNED_OUT_SETTING);
    this.signedOut = new Map(raw ? (Object.entries(JSON.parse(raw) as Record<string, number>)) : []);
  }

  /** Makes the console cookie in `cookieHeader` (if genuine) invalid from now on, for everyone holding it. */
  async signOut(cookieHeader: string | undefined): Promise<void> {
    const cookie = this.validCookie(readCookie(cookieHeader, ADMIN_COOKIE));
    if (!cookie) return;
    const now = this.deps.now();
    for (const [nonce, expiresAt] of this.signedOut) if (expiresAt < now) this.signedOut.delete(nonce);
    this.signedOut.set(cookie.nonce, cookie.expiresAt);
    await this.deps.storage.putSetting(SIGNED_OUT_SETTING, JSON.stringify(Object.fromEntries(this.signedOut)));
  }

  /** Makes a new one-time token (replacing any unused one) and returns it; only its hash is stored. */
  async issueSignInToken(): Promise<string> {
    const token = randomBytes(24).toString("base64url");
    const record = { hash: sha256(token).toString("base64"), expiresAt: this.deps.now() + SIGN_IN_TOKEN_TTL_MS };
    await this.deps.storage.putSetting(SIGN_IN_SETTING, JSON.stringify(record));
    return token;
  }

  /** True once per issued token, within its lifetime; the token is used up either way when it matches. */
  async redeem(token: string): Promise<boolean> {
    const raw = await this.deps.storage.getSetting(SIGN_IN_SETTING);
    if (!raw) return false;
    const record = JSON.parse(raw) as { hash: string; expiresAt: number };
    if (!sameBytes(sha256(token), Buffer.from(record.hash, "base64"))) return false;
    await this.deps.storage.deleteSetting(SIGN_IN_SETTING);
    return this.deps.now() <= record.expiresAt;
  }

  checkAdminSecret(given: string): boolean {
    const expected = this.deps.adminSecret;
    return expected !== undefined && expected.length > 0 && sameBytes(sha256(given), sha256(expected));
  }

  /** A fresh cookie value: `<expiry ms>.<nonce>.<HMAC>`. */
  cookieValue(): string {
    const expiresAt = String(this.deps.now() + ADMIN_COOKIE_TTL_MS);
    const nonce = randomBytes(12).toString("base64url");
    return `${expiresAt}.${nonce}.${this.mac(expiresAt, nonce)}`;
  }

  /** Whether a request comes from a signed-in console (cookie) or a script holding ADMIN_SECRET (Bearer). */
  isAdmin(cookieHeader: string | undefined, authorization: string | undefined): boolean {
    if (authorization?.startsWith("Bearer ") && this.checkAdminSecret(authorization.slice(7))) return true;
    const cookie = this.validCookie(readCookie(cookieHeader, ADMIN_COOKIE));
    return cookie !== null && !this.signedOut.has(cookie.nonce);
  }

  /** The cookie's parts when it is signed by this server and not expired (signed out or not). */
  private validCookie(value: string | undefined): { expiresAt: number; nonce: string } | null {
    const [expiresAt, nonce, mac, extra] = value?.split(".") ?? [];
    if (!expiresAt || !nonce || !mac || extra !== undefined || !/^\d+$/.test(expiresAt)) return null;
    if (!sameBytes(Buffer.from(mac, "base64url"), Buffer.from(this.mac(expiresAt, nonce), "base64url"))) return null;
    return this.deps.now() <= Number(expiresAt) ? { expiresAt: Number(expiresAt), nonce } : null;
  }

  private mac(expiresAt: string, nonce: string): string {
    return createHmac("sha256", this.deps.secret).update(`otc-admin:${expiresAt}:${nonce}`).digest("base64url");
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
