import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ONBOARDING_STEPS } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { controllerCuesOf, partNodeNames } from "./controller-cues.js";

// The Quest 3 (Touch Plus) profile IWER emulates and the Quest browser reports: every part a cue names exists in its model.
const require = createRequire(import.meta.url);
const profileDir = "@webxr-input-profiles/assets/dist/profiles/meta-quest-touch-plus";
/** The node names in a glTF binary's JSON chunk. */
function glbNodeNames(file: string): string[] {
  const glb = readFileSync(require.resolve(`${profileDir}/${file}`));
  const json = JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString("utf8")) as { nodes: Array<{ name?: string }> };
  return json.nodes.map((n) => n.name ?? "");
}
const profile = JSON.parse(readFileSync(require.resolve(`${profileDir}/profile.json`), "utf8")) as {
  layouts: Record<"left" | "right", { components: Record<string, { rootNodeName: string }> }>;
};

describe("controller cues of the onboarding", () => {
  it("light the part each controller step names, on the hand that presses it", () => {
    expect(controllerCuesOf("turn", "vr-controllers")).toEqual([{ hand: "right", node: "xr_standard_thumbstick" }]);
    expect(controllerCuesOf("hand", "vr-controllers").map((c) => `${c.hand}:${c.node}`)).toEqual(["right:b_button", "left:x_button"]);
    expect(controllerCuesOf("look", "vr-controllers")).toEqual([]); // a head turn needs no button
  });

  it("light nothing for tracked hands, a desktop or between steps", () => {
    for (const step of ONBOARDING_STEPS) {
      expect(controllerCuesOf(step, "vr-hands")).toEqual([]);
      expect(controllerCuesOf(step, "desktop")).toEqual([]);
    }
    expect(controllerCuesOf(null, "vr-controllers")).toEqual([]);
  });

  it("name parts the Quest controller models really have", () => {
    for (const step of ONBOARDING_STEPS) {
      for (const cue of controllerCuesOf(step, "vr-controllers")) {
        const roots = Object.values(profile.layouts[cue.hand].components).map((c) => c.rootNodeName);
        expect(roots, `${step}: ${cue.hand} ${cue.node}`).toContain(cue.node);
        // and the model file has a node to put the light on (its root node may be named otherwise)
        const nodes = glbNodeNames(`${cue.hand}.glb`);
        expect(partNodeNames(cue).some((n) => nodes.includes(n)), `${step}: ${cue.hand} ${cue.node} in ${cue.hand}.glb`).toBe(true);
      }
    }
  });
});
