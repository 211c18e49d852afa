/**
 * Generates the MSDF font the in-world (VR) UI draws with, once, into public/fonts/ (committed).
 *
 * Why: @pmndrs/msdfonts' Inter has only ASCII (no é, ñ, ¿, «…), and uikit's runtime TTF loader would
 * spend headset CPU on every entry into VR. So we run the same generator (@zappar/msdf-generator, the
 * WASM msdfgen uikit itself ships) in headless Chromium here, on Liberation Sans (SIL OFL, shipped in
 * pdfjs-dist), and serve the JSON + PNG from our own origin.
 *
 * Run: node apps/client/tools/generate-ui-font.mjs   (needs /usr/bin/chromium)
 */
import { build } from "vite";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../package.json"));
const uikitDir = path.dirname(createRequire(require.resolve("@react-three/uikit")).resolve("@pmndrs/uikit/package.json"));
const pdfjsDir = path.dirname(require.resolve("pdfjs-dist/package.json"));
const outDir = path.join(here, "../public/fonts");

// ASCII, Latin-1 letters and the punctuation French and Spanish need, plus a few UI symbols.
const CHARSET =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
  "¡«»¿·ÀÂÄÇÈÉÊËÎÏÑÔÖÙÛÜàâäçèéêëîïñóôöùúûüáíÁÍÓÚœŒ’“”…–—•€°×" +
  // French spacing (no-break space before : ; ? ! and inside « », narrow before ; ! ?), ordinals (1ᵉ, 1.º), arrows
  "\u00a0\u202fᵉºª←→";

const entry = `
import { MSDF } from "@zappar/msdf-generator";
import { workerSource, wasmUrl } from ${JSON.stringify(path.join(uikitDir, "dist/loaders/msdf-worker.js"))};
window.generate = async (fontBase64, charset) => {
  const font = Uint8Array.from(atob(fontBase64), (c) => c.charCodeAt(0));
  const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  const msdf = new MSDF({ workerUrl, wasmUrl });
  await msdf.initialize();
  const result = await msdf.generate({ font, charset, fontSize: 48, textureSize: [1024, 512], fieldRange: 4, padding: 4, fixOverlaps: true });
  await msdf.dispose();
  return result;
};`;
// Bundled with the client's own vite so the page gets one classic script (comlink included).
const tmp = mkdtempSync(path.join(tmpdir(), "ui-font-"));
writeFileSync(path.join(tmp, "entry.js"), entry);
const out = await build({
  configFile: false, logLevel: "silent", root: tmp,
  resolve: { alias: { "@zappar/msdf-generator": path.join(uikitDir, "../../@zappar/msdf-generator/dist/index.js") } },
  build: { write: false, minify: false, lib: { entry: path.join(tmp, "entry.js"), formats: ["iife"], name: "uiFont" } },
});
const script = (Array.isArray(out) ? out[0] : out).output[0].code;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
await page.route("http://127.0.0.1:9/**", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><p>msdf</p>" }));
await page.goto("http://127.0.0.1:9/");
await page.addScriptTag({ content: script });
const ttf = readFileSync(path.join(pdfjsDir, "standard_fonts/LiberationSans-Regular.ttf")).toString("base64");
const result = await page.evaluate(([f, c]) => window.generate(f, c), [ttf, CHARSET]);
await browser.close();

const family = Object.values(result)[0];
const font = Object.values(family)[0];
// Liberation Sans has no narrow no-break space (U+202F) nor ᵉ: drawn as a space of 60 % width and as "e",
// rather than as nothing (uikit would place them with zero advance, gluing « vous ? » into « vous? »).
const ALIASES = [["\u202f", " ", 0.6], ["ᵉ", "e", 1]];
for (const [ch, from, advance] of ALIASES) {
  const source = font.chars.find((g) => g.char === from);
  font.chars = font.chars.filter((g) => g.char !== ch);
  if (source) font.chars.push({ ...source, id: ch.codePointAt(0), char: ch, xadvance: source.xadvance * advance });
}
const png = font.pages[0].replace(/^data:image\/png;base64,/, "");
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, "ui-sans.png"), Buffer.from(png, "base64"));
writeFileSync(path.join(outDir, "ui-sans.json"), JSON.stringify({ ...font, pages: ["ui-sans.png"] }));
const missing = [...CHARSET].filter((ch) => !font.chars.some((g) => g.char === ch));
console.log(`${font.chars.length} glyphs; missing: ${missing.join("") || "none"}`);
