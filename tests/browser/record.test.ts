// The training record in the console: a session's stored attendance and engagement (seeded as the
// room would have written them) show as a summary, three charts and a table that sorts.
import { describe, expect, it } from "vitest";
import { browserSuite } from "../harness/browser-suite.js";

const SESSION = "e2e-record";
const MIN = 60_000;
const suite = browserSuite({ pageErrors: { ignore: /WebSocket|Failed to load resource/ } });
const consolePage = suite.person("Console");

/** Four people over 90 minutes: Ben leaves at 45, Chloé drops and is back, Ada talks most. */
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
    const ada = (await rows.first().innerText()).split("\t");
    expect(ada).toEqual(["Ada", "participant", "vr", "88", "98 %", "2", "0", "0", "0", "—", "0", "420"]);
    await page.getByTestId("record-report").scrollIntoViewIfNeeded();
    await consolePage.shot("record-report.png", { fullPage: true });
  });
});
