import type { Client } from "@colyseus/core";
import { RateLimiter } from "@otc/presence";
import { describeIssues } from "../parsed.js";
import type { MessageSpec, RoomContext, RoomFeature } from "./room-feature.js";

/**
 * Every client message of a room goes through here: known type, parsed with its zod schema, within
 * the sender's rate for that type, then handed to the one feature that declared it. A message that
 * fails any step is dropped and counted (the sender is told why), never fatal to the room.
 */
export class MessageRouter {
  private readonly specs = new Map<string, MessageSpec<unknown>>();
  private readonly limits = new Map<string, Map<string, RateLimiter>>();

  constructor(
    features: readonly RoomFeature[],
    private readonly ctx: Pick<RoomContext, "now" | "refuse">,
  ) {
    for (const feature of features) {
      for (const [type, spec] of Object.entries(feature.messages ?? {})) {
        if (this.specs.has(type)) throw new Error(`message type "${type}" is declared by two features (the second: ${feature.name})`);
        this.specs.set(type, spec);
      }
    }
  }

  /** The message types the room must listen to. */
  types(): string[] {
    return [...this.specs.keys()];
  }

  /** The declared spec of one type (its schema and rate), for tests and tools that reason about what the room accepts. */
  spec(type: string): MessageSpec<unknown> | undefined {
    return this.specs.get(type);
  }

  receive(client: Client, type: string | number, raw: unknown): unknown {
    const spec = this.specs.get(String(type));
    if (!spec) return this.ctx.refuse(client, "invalid-message", `unknown message type ${String(type).slice(0, 32)}`);
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      const detail = describeIssues(parsed.error.issues);
      return spec.invalid ? spec.invalid(client, detail) : this.ctx.refuse(client, "invalid-message", detail);
    }
    if (!this.limiter(client.sessionId, String(type), spec).allow(this.ctx.now())) return this.ctx.refuse(client, "rate-limited");
    return spec.handle(client, parsed.data);
  }

  /** Forgets a person's rate state once their seat is gone. */
  forget(id: string): void {
    this.limits.delete(id);
  }

  private limiter(id: string, type: string, spec: MessageSpec<unknown>): RateLimiter {
    let mine = this.limits.get(id);
    if (!mine) this.limits.set(id, (mine = new Map()));
    let limiter = mine.get(type);
    if (!limiter) mine.set(type, (limiter = new RateLimiter(spec.rate.perSecond, spec.rate.burst)));
    return limiter;
  }
}
