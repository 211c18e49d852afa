import { describe, expect, it } from "vitest";
import { signLink, verifyLink } from "./links.js";

const secret = Buffer.alloc(32, 7);
const other = Buffer.alloc(32, 8);

describe("invitation links", () => {
  it("round-trips a claim", () => {
    const token = signLink(secret, { sessionId: "induction-ab12", kind: "facilitator", version: 3, expiresAt: 1_800_000_000_000 });
    expect(verifyLink(secret, token)).toEqual({ sessionId: "induction-ab12", kind: "facilitator", version: 3, expiresAt: 1_800_000_000_000 });
  });

  it("refuses a participant link edited into a facilitator link", () => {
    const token = signLink(secret, { sessionId: "induction-ab12", kind: "participant", version: 1 });
    const [payload, sig] = token.split(".") as [string, string];
    const claim = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claim, r: "f" })).toString("base64url");
    expect(verifyLink(secret, `${forged}.${sig}`)).toBeUndefined();
  });

  it("refuses every single-character edit of a token", () => {
    const token = signLink(secret, { sessionId: "s1", kind: "participant", version: 1 });
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ".") continue;
      const replacement = alphabet[(alphabet.indexOf(token[i]!) + 1) % alphabet.length]!;
      const edited = token.slice(0, i) + replacement + token.slice(i + 1);
      // base64url's last character can carry unused bits: an edit there may decode to the same bytes
      if (Buffer.from(edited.split(".")[1]!, "base64url").equals(Buffer.from(token.split(".")[1]!, "base64url")) && i > token.indexOf(".")) continue;
      expect(verifyLink(secret, edited), `edit at ${i}`).toBeUndefined();
    }
  });

  it("refuses tokens signed with another secret, truncated, or not tokens at all", () => {
    const token = signLink(other, { sessionId: "s1", kind: "participant", version: 1 });
    expect(verifyLink(secret, token)).toBeUndefined();
    expect(verifyLink(secret, token.slice(0, -4))).toBeUndefined();
    for (const junk of ["", ".", "abc", "a.b", "x".repeat(500)]) expect(verifyLink(secret, junk)).toBeUndefined();
  });
});
