import { createHmac } from "node:crypto";
import { DEFAULT_RECORD_SETTINGS, recordSettingsSchema, type RecordSettings } from "@otc/contract";
import type { ReportRow } from "@otc/record";
import type { Storage } from "../../storage/storage.js";

/** Document collection of the training record: its settings (key "settings"), and issued certificates (key: their code's mac). */
export const RECORD_COLLECTION = "record";
export const CERTIFICATES_COLLECTION = "certificates";
const SETTINGS_KEY = "settings";

/** What an issued certificate says; kept so `/verify/<code>` can confirm it. */
export interface IssuedCertificate {
  personId: string;
  name: string;
  hours: number;
  date: number;
  issuedAt: number;
}

export async function loadRecordSettings(storage: Storage, sessionId: string): Promise<RecordSettings> {
  const doc = await storage.getDocument<unknown>(sessionId, RECORD_COLLECTION, SETTINGS_KEY);
  const parsed = recordSettingsSchema.safeParse(doc?.body);
  return parsed.success ? parsed.data : DEFAULT_RECORD_SETTINGS;
}

export async function saveRecordSettings(storage: Storage, sessionId: string, settings: RecordSettings, at: number): Promise<void> {
  await storage.putDocument(sessionId, RECORD_COLLECTION, SETTINGS_KEY, settings, at);
}

/** Whether a person's row earns a certificate: present long enough and, when the session asks, passed the quiz. */
export function earnsCertificate(row: ReportRow, settings: RecordSettings): boolean {
  if (row.share < settings.certificateShare) return false;
  return settings.quizPass === null || (row.quizScore ?? 0) >= settings.quizPass;
}

/**
 * A certificate's verification code: `<session id>.<20 hex>`, the hex an HMAC of the session and
 * person under the server secret (stable: the same person gets the same code; unguessable: a
 * forged one names no stored certificate).
 */
export function certificateCode(secret: Buffer, sessionId: string, personId: string): string {
  return `${sessionId}.${certificateMac(secret, sessionId, personId)}`;
}
const certificateMac = (secret: Buffer, sessionId: string, personId: string) =>
  createHmac("sha256", secret).update(`otc-certificate:${sessionId}:${personId}`).digest("hex").slice(0, 20);

/** Splits a code into its session and mac, or undefined when it is not shaped like one. */
export function parseCertificateCode(code: string): { sessionId: string; mac: string } | undefined {
  const m = /^([a-z0-9][a-z0-9-]{0,47})\.([a-f0-9]{20})$/.exec(code);
  return m ? { sessionId: m[1]!, mac: m[2]! } : undefined;
}

export async function keepCertificate(storage: Storage, sessionId: string, code: string, cert: IssuedCertificate): Promise<void> {
  const parsed = parseCertificateCode(code);
  if (parsed) await storage.putDocument(sessionId, CERTIFICATES_COLLECTION, parsed.mac, cert, cert.issuedAt);
}

/** The certificate a code names, or undefined for a forged, mistyped or deleted one. */
export async function findCertificate(storage: Storage, code: string): Promise<(IssuedCertificate & { title: string; language: string }) | undefined> {
  const parsed = parseCertificateCode(code);
  if (!parsed) return undefined;
  const session = await storage.getSession(parsed.sessionId);
  if (!session) return undefined;
  const doc = await storage.getDocument<IssuedCertificate>(parsed.sessionId, CERTIFICATES_COLLECTION, parsed.mac);
  return doc ? { ...doc.body, title: session.title, language: session.language } : undefined;
}
