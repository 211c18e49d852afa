import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { generate } from "selfsigned";
import { lanIPv4Addresses } from "./lan.js";

export interface TlsMaterial {
  key: string;
  cert: string;
}

interface CachedCert extends TlsMaterial {
  /** Names the certificate was made for; a new LAN address means a new certificate. */
  hosts: string[];
  notAfter: string;
}

const VALID_DAYS = 365;
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

/**
 * A self-signed certificate for localhost and this machine's LAN addresses, cached in
 * `<dataDir>/tls/self-signed.json` so a headset only has to accept it once. Regenerated when the
 * LAN addresses change or it is about to expire.
 */
export async function selfSignedTls(dataDir: string, now: Date = new Date()): Promise<TlsMaterial> {
  const hosts = ["localhost", "127.0.0.1", ...lanIPv4Addresses()].sort();
  const file = path.join(dataDir, "tls", "self-signed.json");
  const cached = await readCached(file);
  if (cached && sameHosts(cached.hosts, hosts) && Date.parse(cached.notAfter) - now.getTime() > RENEW_BEFORE_MS) {
    return { key: cached.key, cert: cached.cert };
  }
  const notAfter = new Date(now.getTime() + VALID_DAYS * 24 * 3600 * 1000);
  const pems = await generate([{ name: "commonName", value: "Open Training Centre (self-signed)" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate: now,
    notAfterDate: notAfter,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: hosts.map((h) => (/^[\d.]+$/.test(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h })),
      },
    ],
  });
  const entry: CachedCert = { key: pems.private, cert: pems.cert, hosts, notAfter: notAfter.toISOString() };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(entry, null, 2), { mode: 0o600 });
  return { key: entry.key, cert: entry.cert };
}

async function readCached(file: string): Promise<CachedCert | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, "utf8"));
    if (typeof value !== "object" || value === null) return undefined;
    const c = value as Partial<CachedCert>;
    if (typeof c.key !== "string" || typeof c.cert !== "string" || !Array.isArray(c.hosts) || typeof c.notAfter !== "string") {
      return undefined;
    }
    return { key: c.key, cert: c.cert, hosts: c.hosts.map(String), notAfter: c.notAfter };
  } catch {
    return undefined; // missing or unreadable: make a new one
  }
}

function sameHosts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}
