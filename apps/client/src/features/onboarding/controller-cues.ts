import type { OnboardingStepId } from "@otc/contract";

/** A controller part to light up: which hand, and the part's root node in the WebXR input profile's model. */
export interface ControllerCue {
  hand: "left" | "right";
  /** `rootNodeName` of a component in @webxr-input-profiles (the same across Quest, Pico, Index…). */
  node: "xr_standard_trigger" | "xr_standard_thumbstick" | "a_button" | "b_button" | "x_button" | "y_button";
}

const CUES: Partial<Record<OnboardingStepId, readonly ControllerCue[]>> = {
  move: [{ hand: "right", node: "xr_standard_trigger" }], // aim the arc, pull, release
  turn: [{ hand: "right", node: "xr_standard_thumbstick" }],
  menu: [{ hand: "left", node: "xr_standard_thumbstick" }], // its press opens the hand menu
  mute: [{ hand: "left", node: "y_button" }],
  hand: [
    { hand: "right", node: "b_button" },
    { hand: "left", node: "x_button" },
  ],
  draw: [{ hand: "right", node: "xr_standard_trigger" }],
  slides: [{ hand: "right", node: "xr_standard_trigger" }],
};

/** The controller parts a step's instruction names, to glow on the controller models (none for tracked hands or a desktop). */
export function controllerCuesOf(step: OnboardingStepId | null, device: string): readonly ControllerCue[] {
  if (device !== "vr-controllers" || step === null) return [];
  return CUES[step] ?? [];
}

/**
 * The model's node names to look for a cue's part, best first: the part's moving node (the profile's
 * `<root>_pressed_value`, which the Quest models have even where they name the root node otherwise),
 * then the component's root node.
 */
export function partNodeNames(cue: ControllerCue): readonly string[] {
  return [`${cue.node}_pressed_value`, cue.node];
}
