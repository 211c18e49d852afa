// The console's training report as a facilitator sees it: the stored session of record-report.ts
// opened in headless Chromium (the console signed in, the session picked, "Show the report" pressed),
// timed until the table has every row and the three charts are drawn.
import { launchChromium, openWatchedPage, waitForPage } from "@otc/tests/harness/chromium.ts";
import { startTestServer } from "@otc/tests/harness/test-server.ts";
import { seedRecordSession } from "./record-report.ts";

export interface RecordRender {
  people: number;
  hours: number;
  runs: number;
  /** From the report's response arriving to the table and charts drawn (React + Chart.js), ms. */
  renderMs: { mean: number; min: number; max: number };
  /** From the press to drawn: the lazy report chunk (cached after the first run), the server's compute, the transfer and the render, ms. */
  pressToDrawnMs: { mean: number; min: number; max: number };
}

const stats = (xs: number[]) => ({ mean: +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1), min: +Math.min(...xs).toFixed(1), max: +Math.max(...xs).toFixed(1) });

/** Seeds `people` over `hours` in a real server, then opens the console's report `runs` times (the page reloaded between). */
export async function recordRenderBench(people: number, hours: number, runs: number): Promise<RecordRender> {
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const id = "bench-record-render";
    await seedRecordSession(server.storage, id, people, hours);
    const { page } = await openWatchedPage(browser, { width: 1280, height: 900 });
    await page.goto(`${server.url}${await server.signInPath()}`);
    const render: number[] = [];
    const total: number[] = [];
    for (let r = 0; r < runs; r++) {
      if (r > 0) await page.reload();
      await page.getByRole("list", { name: "Sessions" }).getByText("Bench").click({ timeout: 60_000 });
      const show = page.getByRole("button", { name: "Show the report" });
      await show.waitFor({ timeout: 30_000 });
      // Watch from inside the page, frame by frame, so the figure does not include the bench's own polling.
      await page.evaluate(`(() => {
        window.__benchDrawn = undefined;
        const tick = () => {
          const report = document.querySelector('[data-testid="record-report"]');
          const done = report && report.querySelectorAll("tbody tr").length === ${people} && report.querySelectorAll("canvas[data-drawn]").length === 3;
          if (done) window.__benchDrawn = performance.now(); else requestAnimationFrame(tick);
        };
        window.__benchPressed = performance.now();
        requestAnimationFrame(tick);
      })()`);
      await show.click();
      await waitForPage(page, "window.__benchDrawn !== undefined", 120_000, "the report drawn");
      const t = (await page.evaluate(`(() => {
        const response = performance.getEntriesByType("resource").filter((e) => /\\/api\\/sessions\\/[^/]+\\/report$/.test(new URL(e.name).pathname)).at(-1);
        return { pressed: window.__benchPressed, response: response ? response.responseEnd : NaN, drawn: window.__benchDrawn };
      })()`)) as { pressed: number; response: number; drawn: number };
      if (!Number.isFinite(t.response)) throw new Error("no /report request in the page's resource timing");
      render.push(t.drawn - t.response);
      total.push(t.drawn - t.pressed);
    }
    return { people, hours, runs, renderMs: stats(render), pressToDrawnMs: stats(total) };
  } finally {
    await browser.close();
    await server.close();
  }
}
