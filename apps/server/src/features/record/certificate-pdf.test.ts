import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test-support/harness.js";
import { certificatePdf, type CertificateContent } from "./certificate-pdf.js";

const run = promisify(execFile);
const base: CertificateContent = {
  name: "Ada Lovelace",
  title: "Fire safety",
  date: Date.UTC(2027, 2, 4),
  hours: 2.5,
  code: "demo.abc123",
  verifyUrl: "https://training.example/verify/demo.abc123",
  language: "en",
  primary: "#1d4e89",
  secondary: "#f2a541",
  logo: null,
};

/** The PDF's text as a reader extracts it, and the fonts it embeds (poppler-utils). */
async function open(pdf: Uint8Array, name: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "otc-cert-font-"));
  const file = path.join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  const [{ stdout: text }, { stdout: fonts }] = await Promise.all([run("pdftotext", ["-layout", file, "-"]), run("pdffonts", [file])]);
  return { file, text, fonts };
}

/** Dark pixels of a binary PGM (pdftoppm -gray) in rows [from, to). */
function darkPixels(pgm: Buffer, from: number, to: number): number {
  const header = /^P5\s+(\d+)\s+\d+\s+\d+\s/.exec(pgm.toString("latin1", 0, 40))!;
  const [w, start] = [Number(header[1]), header[0].length];
  let n = 0;
  for (let y = from; y < to; y++) for (let x = 0; x < w; x++) if (pgm[start + y * w + x]! < 128) n++;
  return n;
}

/** Renders the page for a person to look at (test-results/<png>.png) and counts the dark pixels where the name is. */
async function inkedName(file: string, png: string): Promise<number> {
  const shots = path.join(REPO_ROOT, "test-results");
  await run("mkdir", ["-p", shots]);
  await run("pdftoppm", ["-png", "-r", "60", "-singlefile", file, path.join(shots, png)]);
  await run("pdftoppm", ["-gray", "-r", "60", "-singlefile", file, file.replace(/\.pdf$/, "")]);
  return darkPixels(await readFile(file.replace(/\.pdf$/, ".pgm")), 186, 222); // the name's band, 260 pt from the top
}

describe("names in any script on certificates", () => {
  it("prints a Japanese name and a mixed title with the CJK fallback font, embedded as a subset", async () => {
    const pdf = await certificatePdf({ ...base, name: "山田 花子", title: "VR 安全研修 · 김민준" });
    const { file, text, fonts } = await open(pdf, "yamada");
    expect(text).toContain("山田 花子");
    expect(text).toContain("VR 安全研修 · 김민준");
    expect(text).not.toContain("?");
    expect(fonts).toContain("DroidSansFallback");
    expect(pdf.length).toBeLessThan(100_000); // its letters only, not the 3.4 MB font (15 kB measured)
    // A page a person can look at (test-results/record-certificate-cjk.png), and the name's band is
    // inked: text extraction reads the names even when the glyphs draw nothing (they once did).
    const shots = path.join(REPO_ROOT, "test-results");
    await run("mkdir", ["-p", shots]);
    await run("pdftoppm", ["-png", "-r", "60", "-singlefile", file, path.join(shots, "record-certificate-cjk")]);
    await run("pdftoppm", ["-gray", "-r", "60", "-singlefile", file, file.replace(/\.pdf$/, "")]);
    expect(darkPixels(await readFile(file.replace(/\.pdf$/, ".pgm")), 186, 222)).toBeGreaterThan(600); // the name, 260 pt from the top: 1016 drawn, 144 when its glyphs drew blank
  });

  it("does not embed the fallback when the main font has every letter", async () => {
    const { text, fonts } = await open(await certificatePdf({ ...base, name: "Łukasz Ñúñez Юлия" }), "latin");
    expect(text).toContain("Łukasz Ñúñez Юлия");
    expect(fonts).not.toContain("DroidSansFallback");
  });

  it("prints a Devanagari name shaped: the conjunct क्ष, and the vowel sign of कि drawn before its letter", async () => {
    const pdf = await certificatePdf({ ...base, name: "क्षमा किरण शर्मा" });
    const { file, text, fonts } = await open(pdf, "devanagari");
    expect(fonts).toContain("NotoSansDevanagari");
    expect(fonts).not.toContain("DroidSansFallback");
    expect(text).not.toContain("?");
    expect(text).toContain("क्ष"); // one conjunct glyph that stands for both letters and the virama
    expect(text).toContain("िकरण"); // glyph order: the i-sign moved before क, where it is drawn; unshaped it would follow
    expect(pdf.length).toBeLessThan(60_000);
    expect(await inkedName(file, "record-certificate-devanagari")).toBeGreaterThan(600);
  });

  it("prints a Thai name with Noto Sans Thai", async () => {
    const pdf = await certificatePdf({ ...base, name: "สมชาย ใจดี", title: "ความปลอดภัย · Fire safety" });
    const { file, text, fonts } = await open(pdf, "thai");
    expect(fonts).toContain("NotoSansThai");
    expect(text).toContain("สมชาย ใจดี");
    expect(text).not.toContain("?");
    expect(await inkedName(file, "record-certificate-thai")).toBeGreaterThan(600);
  });

  it("strips a letter no bundled font has to its base letter, or prints ? (Tamil has no font here)", async () => {
    const { text } = await open(await certificatePdf({ ...base, name: "Anaya தமிழ்" }), "tamil");
    expect(text).toMatch(/Anaya \?+/);
  });
});
