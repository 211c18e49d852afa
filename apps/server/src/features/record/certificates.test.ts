import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER } from "@otc/contract";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT, newPersonKey, startTestServer, type TestServer } from "../../test-support/harness.js";

const run = promisify(execFile);
const ADMIN_SECRET = "certificates-admin-secret-0123456789";
const MIN = 60_000;
const bearer = { authorization: `Bearer ${ADMIN_SECRET}` };
/** A name outside Latin-1: Polish, Spanish, Russian and Chinese letters print (Chinese from the CJK fallback font). */
const FACILITATOR = "Łukasz Ñúñez Юлия 王";
let h: TestServer | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const at = (p: string) => new URL(p, h!.server.url);
async function attendanceCount(): Promise<number> {
  return (await h!.server.storage.listEvents("demo", "attendance")).length;
}
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
}

describe("participation certificates", () => {
  it("go to those present long enough, show their name and the title, and /verify confirms real codes only", async () => {
    h = await startTestServer({ adminSecret: ADMIN_SECRET });
    const t0 = h.clock.now;
    const [adaKey, benKey] = [newPersonKey(), newPersonKey()];
    await h.join(FACILITATOR, {}, { kind: "facilitator" });
    await h.join("Ada Lovelace", {}, { personKey: adaKey });
    const ben = await h.join("Benoît", {}, { personKey: benKey });
    h.clock.now = t0 + 30 * MIN;
    await ben.room.leave(); // 50 % of the session: under the default 80 %
    await until(async () => (await attendanceCount()) >= 5);
    h.clock.now = t0 + 60 * MIN;
    expect((await fetch(at("/api/sessions/demo/end"), { method: "POST", headers: { ...bearer, "content-type": "application/json" }, body: "{}" })).ok).toBe(true);

    const link = await h.linkToken("demo", "participant");
    const mine = (personKey: string) => fetch(at("/api/sessions/demo/certificate.pdf"), { headers: { [SLIDE_LINK_HEADER]: link, [SLIDE_PERSON_HEADER]: personKey } });
    const earned = async (personKey: string) => (await (await fetch(at("/api/sessions/demo/certificate"), { headers: { [SLIDE_LINK_HEADER]: link, [SLIDE_PERSON_HEADER]: personKey } })).json()) as unknown;
    expect(await earned(benKey)).toEqual({ earned: false });
    expect(await earned(adaKey)).toEqual({ earned: true });
    expect((await fetch(at("/api/sessions/demo/certificate"))).status).toBe(401);
    expect((await mine(benKey)).status).toBe(403);
    expect((await fetch(at("/api/sessions/demo/certificate.pdf"))).status).toBe(401);
    const res = await mine(adaKey);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");

    // What a person sees: the PDF's text, and a rendered page kept for a look.
    const dir = await mkdtemp(path.join(tmpdir(), "otc-cert-"));
    const pdf = path.join(dir, "ada.pdf");
    await writeFile(pdf, Buffer.from(await res.arrayBuffer()));
    const { stdout: text } = await run("pdftotext", ["-layout", pdf, "-"]);
    expect(text).toContain("Certificate of participation");
    expect(text).toContain("Ada Lovelace");
    expect(text).toContain("Test demo");
    expect(text).toContain("Time present: 1 h");
    const shots = path.join(REPO_ROOT, "test-results");
    await run("mkdir", ["-p", shots]);
    await run("pdftoppm", ["-png", "-r", "60", "-singlefile", pdf, path.join(shots, "record-certificate")]);
    expect((await readFile(path.join(shots, "record-certificate.png"))).length).toBeGreaterThan(5000);

    const code = /Verification code: (\S+)/.exec(text)![1]!;
    const real = await fetch(at(`/verify/${code}`));
    expect(real.status).toBe(200);
    expect(await real.text()).toMatch(/genuine[\s\S]*Ada Lovelace took part in “Test demo”/);
    const forged = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
    const refused = await fetch(at(`/verify/${forged}`));
    expect(refused.status).toBe(404);
    expect(await refused.text()).toMatch(/No certificate has this code/);
    expect((await fetch(at("/verify/demo.not-a-code"))).status).toBe(404);

    // The facilitator's zip holds everyone who earned one: the facilitator and Ada, not Benoît.
    expect((await fetch(at("/api/sessions/demo/certificates.zip"))).status).toBe(401);
    const zip = unzipSync(new Uint8Array(await (await fetch(at("/api/sessions/demo/certificates.zip"), { headers: bearer })).arrayBuffer()));
    expect(Object.keys(zip).map((n) => n.replace(/-[A-Za-z0-9]{6}\.pdf$/, "")).sort()).toEqual(["Ada-Lovelace", "ukasz-Nunez"]);

    // One person's certificate from the console's table: the name prints as it is spelt.
    const report = (await (await fetch(at("/api/sessions/demo/report"), { headers: bearer })).json()) as { report: { rows: { personId: string; name: string }[] } };
    const id = (name: string) => report.report.rows.find((r) => r.name === name)!.personId;
    expect((await fetch(at(`/api/sessions/demo/certificates/${id(FACILITATOR)}.pdf`))).status).toBe(401);
    expect((await fetch(at(`/api/sessions/demo/certificates/${id("Benoît")}.pdf`), { headers: bearer })).status).toBe(404);
    const one = await fetch(at(`/api/sessions/demo/certificates/${id(FACILITATOR)}.pdf`), { headers: bearer });
    expect(one.headers.get("content-type")).toBe("application/pdf");
    await writeFile(path.join(dir, "lukasz.pdf"), Buffer.from(await one.arrayBuffer()));
    const { stdout: lukasz } = await run("pdftotext", ["-layout", path.join(dir, "lukasz.pdf"), "-"]);
    expect(lukasz).toContain("Łukasz Ñúñez Юлия 王");
    await run("pdftoppm", ["-png", "-r", "60", "-singlefile", path.join(dir, "lukasz.pdf"), path.join(shots, "record-certificate-unicode")]);

    // A threshold of 50 % lets Benoît in too; a quiz pass then keeps everyone out (nobody answered one).
    const settings = (body: unknown) => fetch(at("/api/sessions/demo/record-settings"), { method: "POST", headers: { ...bearer, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await settings({ certificateShare: 0.5 })).status).toBe(200);
    expect((await mine(benKey)).status).toBe(200);
    expect((await settings({ certificateShare: 0.5, quizPass: 0.5 })).status).toBe(200);
    expect((await mine(adaKey)).status).toBe(403);
    expect((await settings({ certificateShare: 2 })).status).toBe(400);
  });
});
