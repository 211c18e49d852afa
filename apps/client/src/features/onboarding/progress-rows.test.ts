import type { OnboardingTablePayload } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { paramsFrom } from "./onboarding-client.js";
import { progressRows } from "./OnboardingProgress.js";

const person = (name: string, over: Partial<OnboardingTablePayload["people"][number]>): OnboardingTablePayload["people"][number] => ({
  personId: name,
  id: `c-${name}`,
  name,
  device: "desktop",
  step: "look",
  index: 1,
  count: 9,
  skipped: [],
  stepSince: 0,
  completedAt: null,
  connected: true,
  ...over,
});

describe("the facilitator's onboarding table", () => {
  it("flags who has been on one step past the threshold, lists them first and the finished last", () => {
    const table: OnboardingTablePayload = {
      serverNow: 100_000,
      people: [person("Zoe", { step: null, index: 9, completedAt: 90_000 }), person("Ann", { stepSince: 80_000 }), person("Ben", { stepSince: 30_000 })],
    };
    const rows = progressRows(table, 100_000, 60_000);
    expect(rows.map((r) => [r.name, r.stuck, r.done])).toEqual([["Ben", true, false], ["Ann", false, false], ["Zoe", false, true]]);
    expect(rows[0]?.onStepMs).toBe(70_000);
  });
  it("does not call someone who is away stuck", () => {
    const rows = progressRows({ serverNow: 100_000, people: [person("Ann", { stepSince: 0, connected: false, id: null })] }, 100_000, 60_000);
    expect(rows[0]).toMatchObject({ stuck: false, connected: false });
  });
  it("takes a shorter stuck time from the address (the browser test's), else the issue's", () => {
    expect(paramsFrom("?onboarding-stuck=4")).toMatchObject({ stuckAfterMs: 4000, hintAfterMs: 2000 });
    expect(paramsFrom("?onboarding-stuck=nope")).toMatchObject({ stuckAfterMs: 60_000, hintAfterMs: 30_000 });
  });
});
