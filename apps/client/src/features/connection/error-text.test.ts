import { describe, expect, it } from "vitest";
import { rejectionText } from "@otc/contract";
import { joinErrorText } from "./error-text.js";

describe("joinErrorText", () => {
  it("shows the server's own message when it refused the join", () => {
    expect(joinErrorText(new Error("Session is full"), "http://x")).toBe("Session is full");
  });
  it("translates a bare rejection code", () => {
    expect(joinErrorText(new Error("protocol-mismatch"), "http://x")).toBe(rejectionText("protocol-mismatch"));
  });
  it("explains an unreachable server", () => {
    expect(joinErrorText(new TypeError("Failed to fetch"), "http://10.0.0.2:2567")).toMatch(/Cannot reach the training server at http:\/\/10\.0\.0\.2:2567/);
  });
});
