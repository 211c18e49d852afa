/** Longest gap between two level samples still counted as continuous speech, ms (levels refresh at ~10 Hz). */
export const SPEAKING_GAP_MS = 500;

/**
 * Adds up one's own speaking time from level samples (mesh voice: the page measures its own mic):
 * the time from a speaking sample to the next sample counts, up to SPEAKING_GAP_MS. `take()` hands
 * over the seconds gathered since the last report.
 */
export class SpeakingMeter {
  private last: { at: number; speaking: boolean } | null = null;
  private ms = 0;

  sample(speaking: boolean, at: number): void {
    if (this.last?.speaking) this.ms += Math.min(SPEAKING_GAP_MS, Math.max(0, at - this.last.at));
    this.last = { at, speaking };
  }

  take(): number {
    const seconds = Math.round(this.ms / 100) / 10;
    this.ms = 0;
    return seconds;
  }
}
