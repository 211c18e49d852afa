import { readFile } from "node:fs/promises";
import path from "node:path";
import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { zipSync } from "fflate";
import { SESSION_ID_PATTERN, SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, recordSettingsSchema, type CertificateStatus, type RoomLayout } from "@otc/contract";
import type { ReportRow } from "@otc/record";
import { describeIssues } from "../../parsed.js";
import type { SessionRecord, Storage } from "../../storage/storage.js";
import type { AdminAuth } from "../console/admin-auth.js";
import { NOT_SIGNED_IN } from "../console/console-api.js";
import type { BrandLogos } from "../room-import/brand-logos.js";
import { invitedPerson } from "../sessions/admission.js";
import { loadSessionBrand } from "../sessions/session-brand-store.js";
import { certificatePdf } from "./certificate-pdf.js";
import { isErased } from "./forget-person.js";
import { certificateCode, earnsCertificate, findCertificate, keepCertificate, loadRecordSettings, saveRecordSettings } from "./certificates.js";
import { mayReadReport } from "./report-access.js";
import { sessionReport } from "./report-service.js";
import { recordWords } from "./record-words.js";

export interface CertificateRoutesDeps {
  auth: AdminAuth;
  storage: Storage;
  secret: Buffer;
  now: () => number;
  reconnectWindowS: number;
  layouts: ReadonlyMap<string, RoomLayout>;
  logos: BrandLogos;
  assetsDir: string;
}

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fileName = (name: string) => name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "person";

/**
 * Certificates: `GET /api/sessions/<id>/certificate.pdf` (the participant's own, with their
 * invitation link and person key in the headers, after the session too; `GET .../certificate` says
 * `{ earned }` first), `GET .../certificates.zip`
 * (everyone who earned one; facilitators and console), `GET .../certificates/<person id>.pdf` (one of
 * them, for the console's table), `POST .../record-settings` (threshold and quiz
 * pass), and the public `GET /verify/<code>` page.
 */
export function mountCertificateRoutes(app: Application, deps: CertificateRoutesDeps): void {
  const base = "/api/sessions/:id";
  const sessionOf = async (req: Request) => {
    const id = String(req.params.id ?? "");
    return SESSION_ID_PATTERN.test(id) ? deps.storage.getSession(id) : undefined;
  };
  const staff = async (req: Request, res: Response, next: NextFunction) => {
    const session = await sessionOf(req);
    if (!session || !mayReadReport(req, session, deps)) return void fail(res, 401, NOT_SIGNED_IN);
    res.locals.session = session;
    next();
  };

  const brandOf = async (session: SessionRecord) => {
    const room = deps.layouts.get(session.room)?.brand;
    const own = await loadSessionBrand(deps.storage, session.id);
    const logoPath = own?.logoImage ?? room?.logoImage;
    let logo: Uint8Array | null = null;
    if (logoPath?.startsWith("uploads/brand/")) logo = await deps.logos.read(logoPath);
    else if (logoPath && /\.(png|jpe?g)$/i.test(logoPath)) logo = await readFile(path.join(deps.assetsDir, logoPath)).then((b) => new Uint8Array(b), () => null);
    return { primary: own?.primary ?? room?.primary ?? "#1d4e89", secondary: own?.secondary ?? room?.secondary ?? "#f2a541", logo };
  };
  const render = async (req: Request, session: SessionRecord, row: ReportRow, start: number) => {
    const code = certificateCode(deps.secret, session.id, row.personId);
    const hours = Math.round(row.presentMs / 360_000) / 10;
    await keepCertificate(deps.storage, session.id, code, { personId: row.personId, name: row.name, hours, date: start, issuedAt: deps.now() });
    const verifyUrl = `${req.protocol}://${req.get("host") ?? "localhost"}/verify/${code}`;
    return certificatePdf({ name: row.name, title: session.title, date: start, hours, code, verifyUrl, language: session.language, ...(await brandOf(session)) });
  };
  const earned = async (session: SessionRecord) => {
    const [{ report }, settings] = await Promise.all([
      sessionReport(session, { storage: deps.storage, now: deps.now, mergeGapMs: deps.reconnectWindowS * 1000 }),
      loadRecordSettings(deps.storage, session.id),
    ]);
    return { start: report.start, rows: report.rows.filter((r) => !isErased(r.personId) && earnsCertificate(r, settings)) };
  };

  /** The invited person asking for their own certificate (invitation link and person key in the headers), or a refusal. */
  const holder = async (req: Request, res: Response, next: NextFunction) => {
    const invited = await invitedPerson(String(req.params.id ?? ""), req.get(SLIDE_LINK_HEADER) ?? "", req.get(SLIDE_PERSON_HEADER) ?? "", deps);
    if (!invited) return void fail(res, 401, "no-link");
    res.locals.session = invited.session;
    res.locals.personId = invited.personId;
    next();
  };
  const ownRow = async (res: Response) => {
    const { start, rows } = await earned(res.locals.session as SessionRecord);
    return { start, row: rows.find((r) => r.personId === res.locals.personId) };
  };

  // Whether the person earned one: a plain answer, so a page that asks at the session's end logs no refusal for those who did not.
  app.get(`${base}/certificate`, holder, async (_req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ earned: (await ownRow(res)).row !== undefined } satisfies CertificateStatus);
  });

  app.get(`${base}/certificate.pdf`, holder, async (req: Request, res: Response) => {
    const session = res.locals.session as SessionRecord;
    const { start, row } = await ownRow(res);
    if (!row) return void fail(res, 403, "no-certificate");
    res.setHeader("Content-Type", "application/pdf");
    res.setHeader("Content-Disposition", `attachment; filename="certificate-${session.id}.pdf"`);
    res.setHeader("Cache-Control", "no-store");
    res.send(Buffer.from(await render(req, session, row, start)));
  });

  // One person's certificate, for the console's table (the facilitator hands it over).
  app.get(`${base}/certificates/:personId.pdf`, staff, async (req: Request, res: Response) => {
    const session = res.locals.session as SessionRecord;
    const { start, rows } = await earned(session);
    const row = rows.find((r) => r.personId === String(req.params.personId ?? ""));
    if (!row) return void fail(res, 404, "no-certificate");
    res.setHeader("Content-Type", "application/pdf");
    res.setHeader("Content-Disposition", `attachment; filename="certificate-${fileName(row.name)}.pdf"`);
    res.setHeader("Cache-Control", "no-store");
    res.send(Buffer.from(await render(req, session, row, start)));
  });

  app.get(`${base}/certificates.zip`, staff, async (req: Request, res: Response) => {
    const session = res.locals.session as SessionRecord;
    const { start, rows } = await earned(session);
    const files: Record<string, Uint8Array> = {};
    for (const row of rows) files[`${fileName(row.name)}-${row.personId.slice(0, 6).replace(/[^A-Za-z0-9]/g, "x")}.pdf`] = await render(req, session, row, start);
    res.setHeader("Content-Type", "application/zip");
    res.setHeader("Content-Disposition", `attachment; filename="certificates-${session.id}.zip"`);
    res.setHeader("Cache-Control", "no-store");
    res.send(Buffer.from(zipSync(files, { level: 0 })));
  });

  app.get(`${base}/record-settings`, staff, async (_req: Request, res: Response) => {
    res.json(await loadRecordSettings(deps.storage, (res.locals.session as SessionRecord).id));
  });
  app.post(`${base}/record-settings`, staff, express.json({ limit: "4kb" }), async (req: Request, res: Response) => {
    const parsed = recordSettingsSchema.safeParse(req.body);
    if (!parsed.success) return void fail(res, 400, describeIssues(parsed.error.issues));
    await saveRecordSettings(deps.storage, (res.locals.session as SessionRecord).id, parsed.data, deps.now());
    res.json(parsed.data);
  });

  app.get("/verify/:code", async (req: Request, res: Response) => {
    const cert = await findCertificate(deps.storage, String(req.params.code ?? ""));
    const t = recordWords(cert?.language ?? "en");
    const body = cert
      ? `<p><strong>${escape(t("verify", "valid"))}</strong></p><p>${escape(t("verify", "who", { name: cert.name, title: cert.title, date: new Intl.DateTimeFormat(cert.language, { dateStyle: "long" }).format(new Date(cert.date)), hours: cert.hours }))}</p>`
      : `<p><strong>${escape(t("verify", "invalid"))}</strong></p>`;
    res.status(cert ? 200 : 404).type("html").send(`<!doctype html><html lang="${escape(cert?.language ?? "en")}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(t("verify", "title"))}</title><body style="font-family:sans-serif;max-width:40em;margin:3em auto;padding:0 1em"><h1>${escape(t("verify", "title"))}</h1>${body}</body></html>`);
  });
}
