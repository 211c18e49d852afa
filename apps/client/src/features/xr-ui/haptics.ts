/** A gamepad as WebXR exposes it on Quest browsers: `hapticActuators` is not in TypeScript's DOM types yet. */
type WithHaptics = Gamepad & { hapticActuators?: ReadonlyArray<{ pulse?(value: number, durationMs: number): Promise<boolean> }> };

/** A short buzz on one controller, where the gamepad offers it; nothing otherwise. */
export function pulse(session: XRSession | null | undefined, hand: XRHandedness, strength = 0.5, ms = 25): void {
  if (!session) return;
  for (const source of session.inputSources) {
    if (source.handedness !== hand || !source.gamepad) continue;
    const actuator = (source.gamepad as WithHaptics).hapticActuators?.[0];
    void actuator?.pulse?.(strength, ms)?.catch(() => false);
  }
}
