// The training record in the console: a session's stored attendance and engagement (seeded as the
// room would have written them) show as a summary, three charts and a table that sorts; a participant
// answers the post-session survey when the session ends, and the console adds it up.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";

const SESSION = "e2e-record";
const LIVE = "e2e-record-live";
const ADMIN_SECRET = "record-browser-admin-secret-0123456789";
const MIN = 60_000;
const suite = browserSuite({ server: { adminSecret: ADMIN_SECRET }, pageErrors: { ignore: /WebSocket|Failed to load resource/ } });
const consolePage = suite.person("Console");
const ada = suite.person("Ada");

/** Four people over 90 minutes: Ben leaves at 45, Chloé drops and is back, Ada talks most and did the onboarding. */
async function seed(): Promise<void> {
  await suite.server.invite(SESSION);
  const storage = suite.server.storage;
  const t0 = Date.now() - 90 * MIN;
  const seat = (event: "join" | "leave", personId: string, name: string, m: number, role = "participant", device = "desktop") =>
    storage.appendEvent(SESSION, "attendance", { event, personId, name, role, device, connection: `${personId}-c` }, t0 + m * MIN);
  await storage.appendEvent(SESSION, "attendance", { event: "open" }, t0);
  await seat("join", "p-fatou", "Fatou", 0, "facilitator");
  await seat("join", "p-ada", "Ada", 2, "participant", "vr");
  await seat("join", "p-ben", "Ben", 5);
  await seat("join", "p-chloe", "Chloé", 10);
  await seat("leave", "p-ben", "Ben", 45);
  await seat("leave", "p-chloe", "Chloé", 50);
  await seat("join", "p-chloe", "Chloé", 70);
  await storage.appendEvent(SESSION, "attendance", { event: "onboarded", personId: "p-ada", name: "Ada", role: "participant", device: "vr" }, t0 + 4 * MIN);
  for (const [personId, kind, amount] of [["p-ada", "talk", 420], ["p-fatou", "talk", 300], ["p-ben", "talk", 60], ["p-ada", "hand", 1], ["p-ada", "hand", 1], ["p-chloe", "reaction", 1]] as const) {
    await storage.appendEvent(SESSION, "engagement", { personId, kind, amount }, t0 + 20 * MIN);
  }
  await storage.endSession(SESSION, t0 + 90 * MIN);
}

describe("the training record in the console", () => {
  it("shows the report with its timeline, talk-time and distribution charts, and sorts the table", async () => {
    await seed();
    const { page } = consolePage;
    await page.goto(`${suite.server.url}${await suite.server.signInPath()}`);
    await page.getByRole("list", { name: "Sessions" }).getByText(`Test ${SESSION}`).click();
    await page.getByRole("button", { name: "Show the report" }).click();
    const report = page.getByTestId("record-report");
    await report.waitFor({ timeout: 30_000 });
    expect(await report.getByText("4 people present over 90 minutes").isVisible()).toBe(true);
    for (const name of ["Who was there, and when (minutes from the start)", "Talk time (seconds)", "Share of the session present"]) {
      expect(await report.getByRole("img", { name }).isVisible()).toBe(true);
    }
    // Charts drew something: each canvas has non-blank pixels.
    const inked = await report.locator("canvas").evaluateAll((cs) =>
      cs.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      }),
    );
    expect(inked.every((n) => n > 500)).toBe(true);

    const rows = report.locator("tbody tr");
    const firstCells = async () => (await rows.allInnerTexts()).map((r) => r.split("\t")[0]);
    expect(await firstCells()).toEqual(["Fatou", "Ada", "Chloé", "Ben"]); // longest present first
    await report.getByRole("button", { name: "Talk (s)" }).click();
    expect(await firstCells()).toEqual(["Ada", "Fatou", "Ben", "Chloé"]);
    const adaRow = (await rows.first().innerText()).split("\t");
    expect(adaRow.slice(0, 14)).toEqual(["Ada", "participant", "vr", "88", "98 %", "2", "0", "0", "0", "—", "0", "420", "0", "✓"]); // she finished onboarding
    expect(await rows.first().getByRole("link", { name: "Certificate" }).isVisible()).toBe(true); // 98 % present: earned
    const chloe = rows.filter({ hasText: "Chloé" });
    expect(await chloe.getByRole("link", { name: "Certificate" }).count()).toBe(0); // 67 %: under the default 80 %
    await report.getByLabel("Certificate for those present at least (%)").fill("60");
    await report.getByRole("button", { name: "Save certificate rules" }).click();
    await chloe.getByRole("link", { name: "Certificate" }).waitFor({ timeout: 15_000 });
    expect(await rows.filter({ hasText: "Ben" }).getByRole("link", { name: "Certificate" }).count()).toBe(0); // 44 %
    await page.getByTestId("record-report").scrollIntoViewIfNeeded();
    await consolePage.shot("record-report.png", { fullPage: true });

    // The facilitator keeps this session's personal data 7 days (the server's sweep then deletes it).
    await page.getByRole("spinbutton", { name: "Make personal data anonymous after (days)" }).fill("7");
    await page.getByRole("button", { name: "Save retention" }).click();
    await page.getByText("Retention saved.").waitFor({ timeout: 15_000 });
    expect((await suite.server.storage.getSession(SESSION))?.retentionDays).toBe(7);
  });

  it("a participant gives an email at join, gets the survey when the session ends, answers it, gets their certificate, and the console adds it up", async () => {
    // The session asks for an email at join (for its learning records): a mistyped one is explained, a right one joins.
    const invite = await suite.server.invite(LIVE);
    const asked = await fetch(`${suite.server.url}/api/sessions/${LIVE}/ask-email`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" }, body: JSON.stringify({ askEmail: true }) });
    expect(asked.ok).toBe(true);
    await ada.join(invite, {
      prepare: async () => {
        const email = ada.page.getByLabel("Email (optional)");
        await email.fill("ada@example", { timeout: 60_000 });
        await email.blur();
        await ada.page.getByRole("alert").filter({ hasText: "This does not look like an email address" }).waitFor({ timeout: 15_000 });
        await ada.shot("record-join-email.png");
        await email.fill("ada@example.org");
      },
    });
    const ended = await fetch(`${suite.server.url}/api/sessions/${LIVE}/end`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_SECRET}`, "content-type": "application/json" }, body: "{}" });
    expect(ended.ok).toBe(true);
    const card = ada.page.getByTestId("survey");
    // The room closes, the page says so and fetches the questions: slow on a loaded machine's software-rendered page.
    await ada.page.locator('[data-testid="survey"][data-phase="open"]').waitFor({ timeout: 60_000 });
    await card.getByRole("group", { name: "How would you rate this training overall?" }).getByRole("button", { name: "4 of 5" }).click();
    await card.getByRole("button", { name: "Too fast" }).click();
    await card.getByRole("textbox", { name: "What should we improve?" }).fill("Plus de pauses");
    const certificate = card.getByRole("button", { name: "Download my certificate" });
    await certificate.waitFor({ timeout: 15_000 }); // present all along: earned
    await ada.shot("record-survey.png");
    // Pressed, it makes her certificate and saves it.
    const saving = ada.page.waitForEvent("download", { timeout: 30_000 });
    await certificate.click();
    const file = await saving;
    expect(file.suggestedFilename()).toBe("certificate.pdf");
    expect(readFileSync((await file.path())!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await card.getByRole("button", { name: "Send my answers" }).click();
    await card.getByText("Thank you for your answers.").waitFor({ timeout: 15_000 });

    const { page } = consolePage;
    await page.reload();
    await page.getByRole("list", { name: "Sessions" }).getByText(`Test ${LIVE}`).click();
    await page.getByRole("button", { name: "Show the report" }).click();
    // The email she gave shows beside her name, to the console only.
    await page.getByTestId("record-report").locator("tbody tr").filter({ hasText: "Ada (ada@example.org)" }).waitFor({ timeout: 30_000 });
    const results = page.getByTestId("survey-results");
    await results.getByText("Survey: 1 answer").waitFor({ timeout: 30_000 });
    expect(await results.locator('[data-question="overall"]').innerText()).toContain("average 4 / 5 (1 answer)");
    expect(await results.locator('[data-question="improve"]').innerText()).toContain("Plus de pauses");
    await results.scrollIntoViewIfNeeded();
    await consolePage.shot("record-survey-results.png");
  });
});
