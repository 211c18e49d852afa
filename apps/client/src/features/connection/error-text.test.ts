import { createTranslator } from "@otc/i18n";
import { describe, expect, it } from "vitest";
import { word } from "../i18n/wording.js";
import { joinErrorText } from "./error-text.js";

const en = createTranslator("en");
const fr = createTranslator("fr");

describe("joinErrorText", () => {
  it("shows the server's own message when it sent no code", () => {
    expect(joinErrorText(new Error("Session is full"), "http://x")).toBe("Session is full");
  });
  it("words a rejection code in the reader's language, with its technical detail", () => {
    expect(word(en, joinErrorText(new Error("protocol-mismatch"), "http://x"))).toBe("This page is out of date for the server. Reload the page to get the current version.");
    expect(word(fr, joinErrorText(new Error("invalid-join: colour: invalid"), "http://x"))).toMatch(/^Les informations .* \(colour: invalid\)$/);
  });
  it("explains an unreachable server", () => {
    expect(word(en, joinErrorText(new TypeError("Failed to fetch"), "http://10.0.0.2:2567"))).toMatch(/Cannot reach the training server at http:\/\/10\.0\.0\.2:2567/);
  });
});
