import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Storage } from "../../storage/storage.js";

export const ADMIN_COOKIE = "otc_admin";
const SIGN_IN_SETTING = "admin-sign-in";
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
 * printed, or knows ADMIN_SECRET. A signed-in browser holds an HMAC-signed, expiring cookie.
 */
export class AdminAuth {
  constructor(
    private readonly deps: { storage: Storage; secret: Buffer; now: () => number; adminSecret?: string | undefined },
  ) {}

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

  /** A fresh cookie value: `<expiry ms>.<HMAC>`. */
  cookieValue(): string {
    const expiresAt = String(this.deps.now() + ADMIN_COOKIE_TTL_MS);
    return `${expiresAt}.${this.mac(expiresAt)}`;
  }

  /** Whether a request comes from a signed-in console (cookie) or a script holding ADMIN_SECRET (Bearer). */
  isAdmin(cookieHeader: string | undefined, authorization: string | undefined): boolean {
    if (authorization?.startsWith("Bearer ") && this.checkAdminSecret(authorization.slice(7))) return true;
    const value = readCookie(cookieHeader, ADMIN_COOKIE);
    if (!value) return false;
    const [expiresAt, mac] = value.split(".");
    if (!expiresAt || !mac || !/^\d+$/.test(expiresAt)) return false;
    if (!sameBytes(Buffer.from(mac, "base64url"), Buffer.from(this.mac(expiresAt), "base64url"))) return false;
    return this.deps.now() <= Number(expiresAt);
  }

  private mac(expiresAt: string): string {
    return createHmac("sha256", this.deps.secret).update(`otc-admin:${expiresAt}`).digest("base64url");
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
