import { SLIDE_LINK_HEADER, SLIDE_PERSON_HEADER, type DeckSummary } from "@otc/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPersonKey, startTestServer, type TestServer } from "../../test-support/harness.js";
import { makeNumberedPdf } from "../../test-support/test-pdf.js";

let h: TestServer;
let pdf: Uint8Array;
const ADMIN = "s3cret-for-tests";

beforeAll(async () => {
  h = await startTestServer({ adminSecret: ADMIN });
  pdf = await makeNumberedPdf(5);
});
afterAll(async () => h.close());

const as = async (kind: "facilitator" | "participant" | null, init: RequestInit = {}, session = "demo") => {
  const headers: Record<string, string> = {};
  if (kind) {
    headers[SLIDE_LINK_HEADER] = await h.linkToken(session, kind);
    headers[SLIDE_PERSON_HEADER] = newPersonKey();
  }
  return { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } };
};
const post = (body: Uint8Array | string) => ({ method: "POST", body: typeof body === "string" ? body : Buffer.from(body) });
const url = (p: string) => `${h.server.url}${p}`;

describe("deck uploads from the room", () => {
  it("refuses an upload without an invitation, or from a participant", async () => {
    const none = await fetch(url("/slides/demo/decks?name=a.pdf"), await as(null, post(pdf)));
    expect(none.status).toBe(401);
    const forged = await fetch(url("/slides/demo/decks?name=a.pdf"), { ...post(pdf), headers: { [SLIDE_LINK_HEADER]: "nope.nope", [SLIDE_PERSON_HEADER]: newPersonKey() } });
    expect(forged.status).toBe(403);
    const participant = await fetch(url("/slides/demo/decks?name=a.pdf"), await as("participant", post(pdf)));
    expect(participant.status).toBe(403);
    expect(((await participant.json()) as { error: string }).error).toMatch(/facilitator/);
  });

  it("checks the content, not the name", async () => {
    const html = await fetch(url("/slides/demo/decks?name=slides.pdf"), await as("facilitator", post("<html><body>not a deck at all, just a page</body></html>")));
    expect(html.status).toBe(415);
    expect(((await html.json()) as { error: string }).error).toMatch(/not a PDF/);
    const truncated = await fetch(url("/slides/demo/decks?name=t.pdf"), await as("facilitator", post(pdf.subarray(0, pdf.length - 200))));
    expect(truncated.status).toBe(415);
    const fake = await fetch(url("/slides/demo/decks?name=f.pdf"), await as("facilitator", post(`%PDF-1.7\n${"garbage ".repeat(20)}\n%%EOF\n`)));
    expect(fake.status).toBe(422);
    const zip = await fetch(url("/slides/demo/decks?name=d.pptx"), await as("facilitator", post(new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(60).fill(0)]))));
    expect(zip.status).toBe(415); // LibreOffice absent here (or the zip is not a deck): a reason either way
    expect(((await zip.json()) as { error: string }).error).toMatch(/LibreOffice|convert/);
  });

  it("stores a PDF, counts its pages, lists it and serves it back to invited people only", async () => {
    const res = await fetch(url("/slides/demo/decks?name=" + encodeURIComponent("Induction day.pdf")), await as("facilitator", post(pdf)));
    expect(res.status).toBe(201);
    const deck = (await res.json()) as DeckSummary;
    expect(deck).toMatchObject({ name: "Induction day", pageCount: 5, source: "pdf", bytes: pdf.length });
    const list = (await (await fetch(url("/slides/demo/decks"), await as("participant"))).json()) as DeckSummary[];
    expect(list.map((d) => d.id)).toContain(deck.id);
    const file = await fetch(url(`/slides/demo/decks/${deck.id}.pdf`), await as("participant"));
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
    expect((await fetch(url(`/slides/demo/decks/${deck.id}.pdf`), await as(null))).status).toBe(401);
    // another session's invitation does not open this session's deck
    expect((await fetch(url(`/slides/other/decks/${deck.id}.pdf`), await as("participant", {}, "other"))).status).toBe(404);
    expect((await fetch(url(`/slides/demo/decks/../../etc.pdf`), await as("participant"))).status).toBe(404);
  });
});

describe("deck uploads from the console", () => {
  it("needs the admin and a real session", async () => {
    await h.linkToken("console-s"); // creates the session
    expect((await fetch(url("/api/sessions/console-s/decks"), post(pdf))).status).toBe(401);
    const auth = { headers: { authorization: `Bearer ${ADMIN}` } };
    expect((await fetch(url("/api/sessions/missing/decks"), { ...post(pdf), ...auth })).status).toBe(404);
    const up = await fetch(url("/api/sessions/console-s/decks?name=Safety.pdf"), { ...post(pdf), ...auth });
    expect(up.status).toBe(201);
    const list = (await (await fetch(url("/api/sessions/console-s/decks"), auth)).json()) as DeckSummary[];
    expect(list).toEqual([expect.objectContaining({ name: "Safety", pageCount: 5 })]);
  });
});
