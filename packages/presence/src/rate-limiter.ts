/**
 * Token bucket: `perSecond` tokens accrue continuously up to `burst`; each allowed event takes
 * `cost` (one by default; a byte count for byte budgets).
 * Time is passed in (the room clock on the server, a fake clock in tests).
 */
export class RateLimiter {
  private tokens: number;
  private lastMs: number | undefined;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  allow(nowMs: number, cost = 1): boolean {
    if (this.lastMs !== undefined) {
      const elapsed = Math.max(0, nowMs - this.lastMs);
      this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000);
    }
    this.lastMs = nowMs;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
