import { createHash, randomBytes } from "node:crypto";
import type { Storage } from "../../storage/storage.js";

const SETTING = "link-signing-secret";

/**
 * The key that signs invitation links and console cookies. From LINK_SECRET when set (so several
 * servers can share it), else generated once and kept in the database, so links survive restarts.
 */
export async function loadServerSecret(storage: Storage, fromEnv?: string): Promise<Buffer> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("LINK_SECRET must be at least 32 characters long");
    return createHash("sha256").update(fromEnv).digest();
  }
  const stored = await storage.getSetting(SETTING);
  if (stored) return Buffer.from(stored, "base64");
  const secret = randomBytes(32);
  await storage.putSetting(SETTING, secret.toString("base64"));
  return secret;
}
