/** Failed sign-ins one address may make per window before it must wait. */
export const SIGN_IN_FAILURES_ALLOWED = 5;
/** The window failed sign-ins are counted in, ms. */
export const SIGN_IN_WINDOW_MS = 60_000;
/** Addresses remembered at most; the oldest is forgotten first (bounds memory under a spray). */
const MAX_ADDRESSES = 10_000;

/**
 * Slows guessing of the admin secret or a sign-in token: after SIGN_IN_FAILURES_ALLOWED failures
 * from one address within SIGN_IN_WINDOW_MS, that address is refused (even with the right secret)
 * until its oldest failure leaves the window. Time is injected.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** Seconds `address` must wait before trying again, or 0 when it may try now. */
  retryAfterS(address: string): number {
    const recent = this.recent(address);
    if (recent.length < SIGN_IN_FAILURES_ALLOWED) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - SIGN_IN_FAILURES_ALLOWED]! + SIGN_IN_WINDOW_MS - this.now()) / 1000));
  }

  failed(address: string): void {
    const recent = this.recent(address);
    this.failures.delete(address); // re-insert: Map order is then oldest activity first
    this.failures.set(address, [...recent, this.now()].slice(-SIGN_IN_FAILURES_ALLOWED));
    if (this.failures.size > MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(address: string): number[] {
    const since = this.now() - SIGN_IN_WINDOW_MS;
    const recent = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.failures.delete(address);
    return recent;
  }
}
