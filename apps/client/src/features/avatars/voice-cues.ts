/**
 * Voice → avatars. The voice feature reports each participant's speaking level (0..1, e.g. an
 * AnalyserNode RMS, at whatever rate it measures, ~10–30 Hz) and muted state here; the avatars read
 * them every frame to drive the mouth, the speaking ring and the muted icon. Levels older than
 * `STALE_MS` count as silence, so a voice connection that stops reporting never leaves a mouth open.
 *
 * Get it with `useSession().avatars.voice` (or `useVoiceCues()`); one instance per joined session.
 *
 * @example voice: `analyser → level` loop calls `voice.setSpeakingLevel(participantId, level)`;
 * a mute toggle calls `voice.setMuted(participantId, true)`.
 */
export class VoiceCues {
  private readonly levels = new Map<string, { level: number; at: number }>();
  private readonly muted = new Set<string>();
  /** Cues pinned by a stand-in for the voice feature (test hooks): they win over measured ones. */
  private readonly pinned = new Map<string, { level: number; muted: boolean }>();
  /** Bumped whenever a muted flag changes, so name tags know to redraw their icons. */
  version = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Latest voice level of a participant, 0 (silent) … 1 (loud); values outside are clamped. */
  setSpeakingLevel(participantId: string, level: number): void {
    const l = Number.isFinite(level) ? Math.min(1, Math.max(0, level)) : 0;
    this.levels.set(participantId, { level: l, at: this.now() });
  }

  /** Whether a participant's microphone is muted (shows the muted icon, silences the mouth). */
  setMuted(participantId: string, muted: boolean): void {
    if (this.muted.has(participantId) === muted) return;
    if (muted) this.muted.add(participantId);
    else this.muted.delete(participantId);
    this.version++;
  }

  /** Pins a participant's cue (null unpins): measured reports are ignored meanwhile. */
  pin(participantId: string, cue: { level: number; muted: boolean } | null): void {
    if (cue) this.pinned.set(participantId, cue);
    else this.pinned.delete(participantId);
    this.version++;
  }

  levelOf(participantId: string): number {
    const pinned = this.pinned.get(participantId);
    if (pinned) return pinned.level;
    const entry = this.levels.get(participantId);
    if (!entry || this.now() - entry.at > STALE_MS) return 0;
    return entry.level;
  }

  isMuted(participantId: string): boolean {
    const pinned = this.pinned.get(participantId);
    if (pinned) return pinned.muted;
    return this.muted.has(participantId);
  }

  /** Forgets someone who left. */
  forget(participantId: string): void {
    this.levels.delete(participantId);
    this.pinned.delete(participantId);
    if (this.muted.delete(participantId)) this.version++;
  }
}

/** A level report older than this (ms) is treated as silence. */
export const STALE_MS = 500;
