import { describe, expect, it } from "vitest";
import { bandwidthFromSearch, probeVerdict, suggestedBandwidth } from "./bandwidth-choice.js";

const fast = { bytes: 65536, downloadMs: 20, rttMs: [3, 4, 5] };

describe("low-bandwidth choice on the join screen", () => {
  it("follows the link's word, and ignores a word it does not know", () => {
    expect(bandwidthFromSearch("?k=abc&bandwidth=low")).toBe("low");
    expect(bandwidthFromSearch("?bandwidth=normal")).toBe("normal");
    expect(bandwidthFromSearch("?bandwidth=tiny")).toBeNull();
    expect(suggestedBandwidth("?bandwidth=low", undefined, fast)).toEqual({ mode: "low", reason: "reason.link" });
    // a link that says normal wins over a cellular hint
    expect(suggestedBandwidth("?bandwidth=normal", { type: "cellular" }, null)).toEqual({ mode: "normal", reason: null });
  });

  it("suggests low on a cellular or 3g-or-worse connection the browser reports", () => {
    expect(suggestedBandwidth("", { type: "cellular", effectiveType: "4g" }, fast).reason).toBe("reason.cellular");
    for (const effectiveType of ["slow-2g", "2g", "3g"]) expect(suggestedBandwidth("", { effectiveType }, fast).mode).toBe("low");
    expect(suggestedBandwidth("", { type: "wifi", effectiveType: "4g" }, fast)).toEqual({ mode: "normal", reason: null });
  });

  it("suggests low when the check finds a slow or lossy link", () => {
    // 64 KiB in 2 s: 262 kbit/s
    expect(probeVerdict({ bytes: 65536, downloadMs: 2000, rttMs: [50, 60, 70] })).toBe("slow");
    expect(probeVerdict({ bytes: 65536, downloadMs: 50, rttMs: [500, 600, 30] })).toBe("slow");
    expect(probeVerdict({ bytes: 65536, downloadMs: 50, rttMs: [5, Infinity, 5] })).toBe("lossy");
    expect(probeVerdict(fast)).toBe("ok");
    expect(suggestedBandwidth("", undefined, { bytes: 65536, downloadMs: 2000, rttMs: [5] })).toEqual({ mode: "low", reason: "reason.slow" });
    expect(suggestedBandwidth("", undefined, null)).toEqual({ mode: "normal", reason: null });
  });
});
