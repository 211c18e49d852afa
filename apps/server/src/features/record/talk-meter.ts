/**
 * Turns talking on/off events (Janus' `videoroom_talking` in SFU mode) into seconds spoken per
 * person: a stretch is reported when it ends (talking stops, or the connection leaves). The person
 * is read when the stretch starts, since a leaving connection is forgotten before its stop arrives.
 */
export class TalkMeter {
  private readonly open = new Map<string, { at: number; personId: string }>();

  constructor(
    private readonly now: () => number,
    private readonly personOf: (id: string) => string | undefined,
    private readonly spoken: (personId: string, seconds: number) => void,
  ) {}

  set(id: string, talking: boolean): void {
    const started = this.open.get(id);
    if (talking && !started) {
      const personId = this.personOf(id);
      if (personId) this.open.set(id, { at: this.now(), personId });
    }
    if (!talking && started) {
      this.open.delete(id);
      const seconds = Math.round((this.now() - started.at) / 100) / 10;
      if (seconds > 0) this.spoken(started.personId, seconds);
    }
  }
}
