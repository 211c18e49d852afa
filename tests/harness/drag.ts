import type { Locator, Page } from "playwright-core";
import { waitUntil } from "./wait.js";

/**
 * Drags `source` onto `target` with the mouse as a person does: press on the name, move off it, bring
 * the target into view, move onto it, and let go only once the target shows it will take the drop
 * (`isOver`, the page's own highlight). Locator.dragTo takes the target's position once and lets go
 * there: in a small scrolling panel a re-render that shifts the columns between that reading and the
 * release drops the name beside the target, and nothing moves (seen under load in facilitation).
 */
export async function dragOnto(page: Page, source: Locator, target: Locator, isOver: (target: Locator) => Promise<boolean>, what: string): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await centre(source, what);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 2 }); // past the drag threshold: the drag starts
  try {
    await waitUntil(
      async () => {
        await target.evaluate((el) => el.scrollIntoView({ block: "center" }));
        const to = await centre(target, what);
        await page.mouse.move(to.x, to.y, { steps: 2 });
        return isOver(target);
      },
      (over) => over,
      `${what}: the target never showed that it would take the drop`,
      20_000,
    );
  } finally {
    await page.mouse.up();
  }
}

async function centre(locator: Locator, what: string): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${what}: ${locator} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
