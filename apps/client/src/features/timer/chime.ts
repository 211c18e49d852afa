/**
 * The end-of-countdown chime: two soft bell tones made with WebAudio (nothing is fetched). Silent
 * when the page may not play sound yet (no gesture so far). Returns whether it started.
 */
export function playChime(ctx: AudioContext | null): boolean {
  if (!ctx || ctx.state !== "running") return false;
  const t0 = ctx.currentTime;
  for (const [i, freq] of [880, 1318.5].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = freq; // Hz: A5 then E6
    const start = t0 + i * 0.35;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + 1.25);
  }
  return true;
}

