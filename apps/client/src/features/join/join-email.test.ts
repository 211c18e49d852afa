import { describe, expect, it } from "vitest";
import { emailMessage } from "./join-email.js";

describe("the join screen's email check", () => {
  it("accepts an address, spaces around it and an empty field (the email is optional)", () => {
    for (const ok of ["ada@example.org", "  a.b+training@sub.example.co.uk ", "", "   ", "élodie@exemple.fr"]) expect(emailMessage(ok), ok).toBeNull();
  });
  it("says how to write one that is not an address", () => {
    for (const bad of ["ada", "ada@", "@example.org", "ada@example", "ada example@x.org", "ada@@example.org", "<ada@example.org>", "ada@example.org, ben@example.org", "ada@example."]) expect(emailMessage(bad), bad).toBe("joinemail.shape");
  });
  it("refuses one longer than an address can be", () => {
    expect(emailMessage(`${"a".repeat(250)}@example.org`)).toBe("joinemail.long");
  });
});
