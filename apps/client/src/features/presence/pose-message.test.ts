import { poseMessageSchema } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { localPoseChanged, poseMessage } from "./pose-message.js";

const still = { head: { p: [0, 1.6, 0] as [number, number, number], q: [0, 0, 0, 1] as [number, number, number, number] }, left: null, right: null };

describe("pose messages", () => {
  it("are valid against the contract, with the teleport mark only when jumping", () => {
    expect(poseMessageSchema.parse(poseMessage(still, false))).not.toHaveProperty("teleport");
    expect(poseMessageSchema.parse(poseMessage(still, true)).teleport).toBe(true);
  });

  it("are only sent when something moved beyond a millimetre", () => {
    expect(localPoseChanged(still, null)).toBe(true);
    expect(localPoseChanged({ ...still, head: { ...still.head, p: [0.0004, 1.6, 0] } }, still)).toBe(false);
    expect(localPoseChanged({ ...still, head: { ...still.head, p: [0.01, 1.6, 0] } }, still)).toBe(true);
    expect(localPoseChanged({ ...still, right: still.head }, still)).toBe(true);
  });
});
