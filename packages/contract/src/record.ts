import { z } from "zod";

/** Seconds a mesh page may report in one message: it reports every SPEAKING_REPORT_S or on leaving. */
export const SPEAKING_REPORT_S = 30;

/** Client → server training-record messages. */
export const RecordMessage = {
  /**
   * Mesh voice only (the SFU's talking events are counted on the server): seconds this page heard
   * its own microphone above the speaking threshold since its last report. A document, rate-limited.
   */
  speaking: "record.speaking",
} as const;
export const speakingMessageSchema = z.object({ seconds: z.number().min(0).max(SPEAKING_REPORT_S * 2) });
export type SpeakingMessage = z.infer<typeof speakingMessageSchema>;

/** What the report API answers: one row per person (see @otc/record for the figures). */
export const REPORT_LINK_HEADER = "x-otc-facilitator-link";

/**
 * A session's training-record settings (`POST /api/sessions/<id>/record-settings`): the share of the
 * session a certificate needs (0..1, default 0.8) and, when set, the quiz score it needs (0..1).
 */
export const recordSettingsSchema = z
  .object({
    certificateShare: z.number().min(0).max(1).default(0.8),
    quizPass: z.number().min(0).max(1).nullable().default(null),
  })
  .strict();
export type RecordSettings = z.infer<typeof recordSettingsSchema>;
export const DEFAULT_RECORD_SETTINGS: RecordSettings = { certificateShare: 0.8, quizPass: null };

/** Longest retention a session may set, days (ten years). */
export const RETENTION_DAYS_MAX = 3650;
/**
 * Body of `POST /api/sessions/<id>/retention`: the days this session's personal data is kept (an
 * integer 1..RETENTION_DAYS_MAX), or null for the server's default.
 */
export const retentionRequestSchema = z.object({ days: z.number().int().min(1).max(RETENTION_DAYS_MAX).nullable() }).strict();
export type RetentionRequest = z.infer<typeof retentionRequestSchema>;
/** What `GET`/`POST .../retention` answer: the session's own days and the server's RECORD_RETENTION_DAYS (null: kept). */
export interface RetentionSettings {
  days: number | null;
  serverDays: number | null;
}

/**
 * Body of `POST /api/sessions/<id>/ask-email` (console) and what `GET`/`POST` answer: whether the join
 * screen asks for an email, optional to give, used as the person's xAPI `mbox`.
 */
export const askEmailRequestSchema = z.object({ askEmail: z.boolean() }).strict();
export type AskEmailSettings = z.infer<typeof askEmailRequestSchema>;
/** What `GET /api/sessions/<id>/join-form` tells a join screen holding an invitation. */
export interface JoinForm {
  askEmail: boolean;
}

/** Where a person's own certificate is: `.pdf` for the file, bare for `CertificateStatus` (invitation link and person key in the headers). */
export const CERTIFICATE_ROUTE = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/certificate`;
/** What `GET /api/sessions/<id>/certificate` answers the person asking: whether they earned one (the session's threshold and quiz). */
export interface CertificateStatus {
  earned: boolean;
}
