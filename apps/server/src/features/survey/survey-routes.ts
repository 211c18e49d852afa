import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { SESSION_ID_PATTERN, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, surveyAnswersSchema, surveySettingsSchema, type SurveyForParticipant } from "@otc/contract";
import { checkAnswers, csvCell, type AttendanceBody } from "@otc/record";
import { describeIssues } from "../../parsed.js";
import type { SessionRecord, Storage } from "../../storage/storage.js";
import type { AdminAuth } from "../console/admin-auth.js";
import { NOT_SIGNED_IN } from "../console/console-api.js";
import { ATTENDANCE_STREAM } from "../attendance/attendance-log.js";
import { mayReadReport } from "../record/report-access.js";
import { invitedPerson } from "../sessions/admission.js";
import { RateGate } from "./rate-gate.js";
import { SURVEY_ANSWERS_COLLECTION, answerKey, hasAnswered, loadSurveySettings, saveSurveySettings, surveySummary, type StoredSurveyAnswer } from "./survey-store.js";

export interface SurveyRoutesDeps {
  auth: AdminAuth;
  storage: Storage;
  secret: Buffer;
  now: () => number;
}

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

/**
 * The post-session survey over HTTP, so it can be answered after the room has closed:
 * `GET|POST /api/sessions/<id>/survey` for a person who attended (invitation link and person key in
 * the headers; one answer each, refused after), `GET|POST .../survey-settings` and `GET .../survey.csv`
 * (one row per response) for the session's facilitators and console admins. The aggregate is in the report.
 */
export function mountSurveyRoutes(app: Application, deps: SurveyRoutesDeps): void {
  const base = "/api/sessions/:id";
  // A person reads or answers a few times a minute at most; the key is the address and the person key.
  const gate = new RateGate(0.2, 6, deps.now);
  const sessionOf = async (req: Request) => {
    const id = String(req.params.id ?? "");
    return SESSION_ID_PATTERN.test(id) ? deps.storage.getSession(id) : undefined;
  };
  /** The invited person who was in the session (a join stored under their key), or a refusal. */
  const attendee = async (req: Request, res: Response, next: NextFunction) => {
    const personKey = req.get(SLIDE_PERSON_HEADER) ?? "";
    if (!gate.take(`${req.ip ?? ""}|${personKey}`)) return void fail(res, 429, "too-fast");
    const invited = await invitedPerson(String(req.params.id ?? ""), req.get(SLIDE_LINK_HEADER) ?? "", personKey, deps);
    if (!invited) return void fail(res, 401, "no-link");
    const { session, personId } = invited;
    const joins = (await deps.storage.listEvents<AttendanceBody>(session.id, ATTENDANCE_STREAM)).filter((e) => e.body.event === "join" && e.body.personId === personId);
    const last = joins[joins.length - 1]?.body;
    if (!last || last.event !== "join") return void fail(res, 403, "not-attended");
    res.locals.session = session;
    res.locals.personId = personId;
    res.locals.name = last.name;
    next();
  };
  const staff = async (req: Request, res: Response, next: NextFunction) => {
    const session = await sessionOf(req);
    if (!session || !mayReadReport(req, session, deps)) return void fail(res, 401, NOT_SIGNED_IN);
    res.locals.session = session;
    next();
  };
  const ids = (res: Response) => ({ session: res.locals.session as SessionRecord, personId: String(res.locals.personId) });

  app.get(`${base}/survey`, attendee, async (_req: Request, res: Response) => {
    const { session, personId } = ids(res);
    const settings = await loadSurveySettings(deps.storage, session.id);
    res.setHeader("Cache-Control", "no-store");
    res.json({ ...settings, answered: await hasAnswered(deps.storage, deps.secret, session.id, personId) } satisfies SurveyForParticipant);
  });

  app.post(`${base}/survey`, attendee, express.json({ limit: "16kb" }), async (req: Request, res: Response) => {
    const { session, personId } = ids(res);
    const parsed = surveyAnswersSchema.safeParse(req.body);
    if (!parsed.success) return void fail(res, 400, describeIssues(parsed.error.issues));
    const settings = await loadSurveySettings(deps.storage, session.id);
    const answers = checkAnswers(settings.questions, parsed.data.answers);
    if (!answers) return void fail(res, 400, "answers-do-not-fit");
    if (await hasAnswered(deps.storage, deps.secret, session.id, personId)) return void fail(res, 409, "already-answered");
    const body: StoredSurveyAnswer = settings.named ? { answers, personId, name: String(res.locals.name) } : { answers };
    // Anonymous answers keep no time finer than the day: the order of answers must not point at who left when.
    const at = settings.named ? deps.now() : Math.floor(deps.now() / 86_400_000) * 86_400_000;
    await deps.storage.putDocument(session.id, SURVEY_ANSWERS_COLLECTION, answerKey(deps.secret, session.id, personId), body, at);
    res.status(201).json({ ok: true });
  });

  app.get(`${base}/survey-settings`, staff, async (_req: Request, res: Response) => {
    res.json(await loadSurveySettings(deps.storage, (res.locals.session as SessionRecord).id));
  });
  app.post(`${base}/survey-settings`, staff, express.json({ limit: "32kb" }), async (req: Request, res: Response) => {
    const parsed = surveySettingsSchema.safeParse(req.body);
    if (!parsed.success) return void fail(res, 400, describeIssues(parsed.error.issues));
    await saveSurveySettings(deps.storage, (res.locals.session as SessionRecord).id, parsed.data, deps.now());
    res.json(parsed.data);
  });

  app.get(`${base}/survey.csv`, staff, async (req: Request, res: Response) => {
    const session = res.locals.session as SessionRecord;
    const { settings } = await surveySummary(deps.storage, session.id);
    const docs = await deps.storage.listDocuments<StoredSurveyAnswer>(session.id, SURVEY_ANSWERS_COLLECTION);
    const lines: (string | number)[][] = [["name", ...settings.questions.map((q) => q.id)]];
    // A choice is written as its option's words, a rating as 1..5, a text as it was typed.
    const cell = (q: (typeof settings.questions)[number], v: number | string | undefined) => (v === undefined ? "" : q.kind === "choice" && typeof v === "number" ? (q.options[v] ?? "") : v);
    for (const d of docs) lines.push([d.body.name ?? "", ...settings.questions.map((q) => cell(q, d.body.answers[q.id]))]);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="survey-${String(req.params.id)}.csv"`);
    res.setHeader("Cache-Control", "no-store");
    res.send("\uFEFF" + lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n");
  });
}
