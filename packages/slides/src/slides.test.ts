import { describe, expect, it } from "vitest";
import { checkPdfBytes, mayManageSlides, mayPage, pageKey, pageTextureSize, pageTextureSizeFor, pagesToKeep, turnPage } from "./index.js";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("turnPage", () => {
  const at = { page: 3, pageCount: 5 };
  it("moves forward, back, to the ends and to a number", () => {
    expect(turnPage(at, "next")).toEqual({ ok: true, page: 4, changed: true });
    expect(turnPage(at, "prev")).toEqual({ ok: true, page: 2, changed: true });
    expect(turnPage(at, "first")).toEqual({ ok: true, page: 1, changed: true });
    expect(turnPage(at, "last")).toEqual({ ok: true, page: 5, changed: true });
    expect(turnPage(at, 5)).toEqual({ ok: true, page: 5, changed: true });
  });
  it("stays put past the ends instead of failing (one clicker press too many)", () => {
    expect(turnPage({ page: 5, pageCount: 5 }, "next")).toEqual({ ok: true, page: 5, changed: false });
    expect(turnPage({ page: 1, pageCount: 5 }, "prev")).toEqual({ ok: true, page: 1, changed: false });
  });
  it("refuses a page outside the deck and a screen without a deck", () => {
    expect(turnPage(at, 6)).toMatchObject({ ok: false });
    expect(turnPage(at, 0)).toMatchObject({ ok: false });
    expect(turnPage({ page: 1, pageCount: 0 }, "next")).toEqual({ ok: false, reason: "this screen shows no deck" });
  });
  it("never leaves the deck under a seeded random walk", () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const moves = ["next", "prev", "first", "last"] as const;
    let pos = { page: 1, pageCount: 7 };
    for (let i = 0; i < 2000; i++) {
      const to = rnd() < 0.3 ? 1 + Math.floor(rnd() * 9) : moves[Math.floor(rnd() * 4)]!;
      const r = turnPage(pos, to);
      if (r.ok) pos = { ...pos, page: r.page };
      expect(pos.page).toBeGreaterThanOrEqual(1);
      expect(pos.page).toBeLessThanOrEqual(7);
    }
  });
});

describe("who may present", () => {
  it("lets facilitators and granted participants page, and nobody else", () => {
    expect(mayPage("facilitator", false)).toBe(true);
    expect(mayPage("co-facilitator", false)).toBe(true);
    expect(mayPage("participant", false)).toBe(false);
    expect(mayPage("participant", true)).toBe(true);
    expect(mayPage("nobody", false)).toBe(false);
  });
  it("keeps deck management and grants to facilitators", () => {
    expect(mayManageSlides("facilitator")).toBe(true);
    expect(mayManageSlides("participant")).toBe(false);
  });
});

describe("pagesToKeep", () => {
  it("holds the current page, the next ones and one behind, inside the deck", () => {
    expect(pagesToKeep({ page: 1, pageCount: 200 })).toEqual([1, 2]);
    expect(pagesToKeep({ page: 50, pageCount: 200 }, 2, 1)).toEqual([50, 51, 49, 52]);
    expect(pagesToKeep({ page: 200, pageCount: 200 })).toEqual([200, 199]);
    expect(pagesToKeep({ page: 1, pageCount: 0 })).toEqual([]);
  });
});

describe("pageKey", () => {
  it("maps clicker and keyboard keys", () => {
    expect(pageKey("PageDown")).toBe("next");
    expect(pageKey("ArrowLeft")).toBe("prev");
    expect(pageKey("Home")).toBe("first");
    expect(pageKey("a")).toBeNull();
  });
});

describe("checkPdfBytes", () => {
  const pdf = ascii(`%PDF-1.7\n${"x".repeat(40)}\ntrailer\n%%EOF\n`);
  it("accepts a PDF by its header and trailer", () => expect(checkPdfBytes(pdf)).toEqual({ ok: true }));
  it("refuses other content whatever its name", () => {
    expect(checkPdfBytes(ascii("<html>" + "x".repeat(60)))).toMatchObject({ ok: false });
    expect(checkPdfBytes(ascii("%PDF-1.7\n" + "x".repeat(60)))).toEqual({ ok: false, reason: "the PDF is truncated (no %%EOF at the end)" });
    expect(checkPdfBytes(new Uint8Array(3))).toMatchObject({ ok: false });
  });
});

describe("pageTextureSize", () => {
  it("fits the page in the screen at about 1024 px/m, capped", () => {
    expect(pageTextureSize({ width: 1.6, height: 0.9 }, 16 / 9)).toEqual({ width: 1638, height: 922 });
    expect(pageTextureSize({ width: 4, height: 2.25 }, 16 / 9)).toEqual({ width: 2048, height: 1152 });
    expect(pageTextureSize({ width: 1.6, height: 0.9 }, 4 / 3)).toEqual({ width: 1229, height: 922 });
  });

  it("draws pages at half the density, capped at 1024 px, in low-bandwidth mode", () => {
    expect(pageTextureSizeFor({ width: 1.6, height: 0.9 }, 16 / 9, true)).toEqual({ width: 819, height: 461 });
    expect(pageTextureSizeFor({ width: 4, height: 2.25 }, 16 / 9, true)).toEqual({ width: 1024, height: 576 });
    expect(pageTextureSizeFor({ width: 4, height: 2.25 }, 16 / 9, false)).toEqual({ width: 2048, height: 1152 });
  });
});
