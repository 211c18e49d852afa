import { CERTIFICATE_ROUTE, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, SURVEY_ROUTE, type CertificateStatus, type SurveyAnswers, type SurveyForParticipant, type SurveyPreset, type SurveyQuestion } from "@otc/contract";
import type { MessageKey, Translate } from "@otc/i18n";
import { serverErrorWording } from "../connection/error-text.js";
import type { Wording } from "../i18n/wording.js";

/** Who is asking: the invitation this page joined with (the server checks it like a join, and that the person was there). */
export interface SurveyAuth {
  endpoint: string;
  sessionId: string;
  link: string;
  personKey: string;
}

const headers = (a: SurveyAuth) => ({ [SLIDE_LINK_HEADER]: a.link, [SLIDE_PERSON_HEADER]: a.personKey });

async function refusal(res: Response): Promise<Wording | string> {
  const body = (await res.json().catch(() => ({}))) as { error?: unknown };
  return typeof body.error === "string" ? serverErrorWording(body.error) : { key: "errors.http", params: { status: res.status } };
}

/** The survey's questions, or null when this person may not answer (never joined, no link). */
export async function loadSurvey(a: SurveyAuth): Promise<SurveyForParticipant | null> {
  const res = await fetch(`${a.endpoint}${SURVEY_ROUTE(a.sessionId)}`, { headers: headers(a) }).catch(() => null);
  return res?.ok ? ((await res.json()) as SurveyForParticipant) : null;
}

/** Sends the answers; resolves null when stored (or already stored before), else the reason. */
export async function sendSurvey(a: SurveyAuth, answers: SurveyAnswers): Promise<Wording | string | null> {
  try {
    const res = await fetch(`${a.endpoint}${SURVEY_ROUTE(a.sessionId)}`, { method: "POST", headers: { ...headers(a), "content-type": "application/json" }, body: JSON.stringify({ answers }) });
    return res.ok || res.status === 409 ? null : await refusal(res);
  } catch {
    return { key: "errors.unreachable" };
  }
}

/** Whether this person earned a certificate: a plain answer, so nothing is refused and no PDF is made to find out. */
export async function certificateEarned(a: SurveyAuth): Promise<boolean> {
  const res = await fetch(`${a.endpoint}${CERTIFICATE_ROUTE(a.sessionId)}`, { headers: headers(a) }).catch(() => null);
  return res?.ok ? ((await res.json().catch(() => null)) as CertificateStatus | null)?.earned === true : false;
}

/** The person's own certificate, made when they ask for it: a file address to save, or why not. */
export async function fetchCertificate(a: SurveyAuth): Promise<{ url: string } | { error: Wording | string }> {
  try {
    const res = await fetch(`${a.endpoint}${CERTIFICATE_ROUTE(a.sessionId)}.pdf`, { headers: headers(a) });
    return res.ok ? { url: URL.createObjectURL(await res.blob()) } : { error: await refusal(res) };
  } catch {
    return { error: { key: "errors.unreachable" } };
  }
}

const PRESET: Record<SurveyPreset, MessageKey> = {
  overall: "survey.preset.overall",
  useful: "survey.preset.useful",
  comfort: "survey.preset.comfort",
  pace: "survey.preset.pace",
  improve: "survey.preset.improve",
};
const PACE: Record<string, MessageKey> = { slow: "survey.preset.paceOption.slow", right: "survey.preset.paceOption.right", fast: "survey.preset.paceOption.fast" };

/** A question's words: the facilitator's own, or the default survey's in the page's language. */
export const questionText = (t: Translate, q: SurveyQuestion) => q.text ?? (q.preset ? t(PRESET[q.preset]) : q.id);
/** An option's words (the default pace question's options are worded by the catalogue). */
export const optionText = (t: Translate, q: SurveyQuestion, option: string) => (q.preset === "pace" && PACE[option] ? t(PACE[option]) : option);
