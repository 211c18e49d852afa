import { buildTestVrm } from "@otc/avatars";
import { describe, expect, it } from "vitest";
import { boneNameWords, humanoidPartsOf } from "./humanoid-names.js";
import { checkAvatarModel } from "./model-check.js";

/** A GLB with only a JSON chunk: one skin whose joints carry `names` (enough for the content check). */
function skinnedGlb(names: string[]): Uint8Array {
  const json = { asset: { version: "2.0" }, nodes: names.map((name) => ({ name })), skins: [{ joints: names.map((_, i) => i) }] };
  let text = JSON.stringify(json);
  text += " ".repeat((4 - (text.length % 4)) % 4); // chunks are 4-byte aligned
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(20 + body.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, out.byteLength, true);
  view.setUint32(12, body.byteLength, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(body, 20);
  return out;
}

describe("the avatar model check", () => {
  it("recognises real humanoid rigs by their bone names", () => {
    const rigs: Record<string, string[]> = {
      mixamo: ["mixamorig:Hips", "mixamorig:Spine", "mixamorig:Head", "mixamorig:LeftHand", "mixamorig:RightHandIndex1"],
      vroid: ["J_Bip_C_Hips", "J_Bip_C_Head", "J_Bip_L_Hand", "J_Bip_R_Hand"],
      blender: ["pelvis", "DEF-head", "hand.L", "hand.R"],
      unity: ["Hips", "Head", "LeftHand", "RightHand"],
      shouting: ["HIPS", "HEAD", "HAND_L", "HAND_R"],
    };
    for (const [rig, names] of Object.entries(rigs)) expect(checkAvatarModel(skinnedGlb(names)), rig).toEqual({ ok: true, kind: "glb" });
    expect(checkAvatarModel(skinnedGlb(["Hips", "Head", "LeftHand"])).ok).toBe(false); // one hand only
    expect(checkAvatarModel(skinnedGlb(["Hips", "Head", "Handle", "Lid"])).ok).toBe(false);
    expect(checkAvatarModel(buildTestVrm())).toEqual({ ok: true, kind: "vrm" });
  });

  it("cuts names into words at separators and camelCase humps", () => {
    expect(boneNameWords("mixamorig:LeftHandIndex1")).toEqual(["mixamorig", "left", "hand", "index1"]);
    expect(humanoidPartsOf("J_Bip_L_Hand")).toEqual(["leftHand"]);
    expect(humanoidPartsOf("lowerarm_l")).toEqual([]);
  });

  // Before the check tokenised names, `(left|\bl\b|…).*hand` backtracked over every "l " of each
  // name: these 100 names (3 MB) took about 20 s of the only event loop; now well under the timeout.
  it("checks an adversarial skeleton in time linear in its size", { timeout: 5000 }, () => {
    const names = ["Hips", "Head", ...Array.from({ length: 100 }, (_, i) => "l ".repeat(16_000) + String(i))];
    expect(checkAvatarModel(skinnedGlb(names))).toMatchObject({ ok: false, reason: expect.stringMatching(/humanoid/) });
  });
});
