import { randomBytes } from "node:crypto";
import { Client as SdkClient, type Room as SdkRoom } from "@colyseus/sdk";
import { AvatarMessage, ClientMessage, PROTOCOL_VERSION, PollsMessage, PollsServerMessage, TRAINING_ROOM, seededRandom, type PollView, type PollsStatePayload } from "@otc/contract";

/** At most this many simulated participants in one rehearsal (the "two or three"). */
export const PRACTICE_BOTS_MAX = 3;
/** Pose messages a bot sends per second, Hz (below the presence limit). */
const POSE_HZ = 10;
/** Walking speed of a bot, m/s, and the radius of the loop it walks, metres. */
const SPEED = 0.5;
const LOOP = 1.5;
const COLOURS = ["#e4572e", "#2a7f62", "#7b2cbf"];

export interface PracticeBotsDeps {
  /** ws:// address of this server (bots join through the normal protocol, like any page). */
  endpoint: () => string;
  /** The signed participant link token of a session (the `k` of its invitation). */
  participantLink: (sessionId: string) => Promise<string>;
  /** Runs `tick` every `ms` until the returned stop is called (the app's timer; tests pass a fast one). */
  every: (ms: number, tick: () => void) => () => void;
  /** Seconds between a bot's hand going up and down, and its next poll answer at the earliest. */
  handEveryS?: number;
  log: (line: string) => void;
  /** Wall clock, ms (the loop follows time, not ticks: a late timer never makes a bot run). */
  now?: () => number;
}

interface Bot {
  room: SdkRoom;
  stops: Array<() => void>;
}

/**
 * Simulated participants for a facilitator's rehearsal: each bot is a real @colyseus/sdk client of
 * this server joining with the session's participant link, so every message it sends is checked,
 * rate-limited and stored like a person's. Bots walk a slow loop around their spawn, raise and lower
 * a hand now and then, and answer any open poll once (a seeded choice). Nothing is faked in the UI.
 */
export class PracticeBots {
  private readonly bySession = new Map<string, Bot[]>();

  constructor(private readonly deps: PracticeBotsDeps) {}

  count(sessionId: string): number {
    return this.bySession.get(sessionId)?.length ?? 0;
  }

  /** Adds bots until the session has `count` (at most PRACTICE_BOTS_MAX); answers how many run. */
  async start(sessionId: string, count: number): Promise<number> {
    const bots = this.bySession.get(sessionId) ?? [];
    this.bySession.set(sessionId, bots);
    const link = await this.deps.participantLink(sessionId);
    while (bots.length < Math.min(count, PRACTICE_BOTS_MAX)) bots.push(await this.join(sessionId, link, bots.length));
    return bots.length;
  }

  /** Every bot of the session leaves. */
  async stop(sessionId: string): Promise<void> {
    const bots = this.bySession.get(sessionId) ?? [];
    this.bySession.delete(sessionId);
    await Promise.all(bots.map(async (b) => {
      for (const s of b.stops) s();
      await b.room.leave(true).catch(() => undefined);
    }));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.bySession.keys()].map((id) => this.stop(id)));
  }

  private async join(sessionId: string, link: string, index: number): Promise<Bot> {
    const sdk = new SdkClient(this.deps.endpoint());
    const room = await sdk.joinOrCreate(TRAINING_ROOM, {
      protocol: PROTOCOL_VERSION,
      sessionId,
      name: `Practice ${index + 1}`,
      colour: COLOURS[index % COLOURS.length],
      device: "desktop",
      link,
      personKey: randomBytes(16).toString("base64url"),
    });
    const random = seededRandom(index + 1);
    const stops: Array<() => void> = [];
    // A slow loop near the room's middle; the first pose is a deliberate jump there (a teleport).
    const centre: [number, number] = [index * 1.2 - 1.2, 1.5];
    const start = random() * Math.PI * 2;
    const now = this.deps.now ?? Date.now;
    const since = now();
    let lastSent = -Infinity;
    let first = true;
    stops.push(
      this.deps.every(1000 / POSE_HZ, () => {
        const t = now();
        if (t - lastSent < 800 / POSE_HZ) return; // timers that fired late come in bunches: keep under the pose rate
        lastSent = t;
        const angle = start + ((SPEED / LOOP) * (t - since)) / 1000;
        const x = centre[0] + Math.cos(angle) * LOOP;
        const z = centre[1] + Math.sin(angle) * LOOP;
        const yaw = -angle; // facing roughly along the loop
        room.send(ClientMessage.pose, { h: [x, 1.6, z, 0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)], l: null, r: null, ...(first ? { teleport: true } : {}) });
        first = false;
      }),
    );
    let raised = false;
    stops.push(
      this.deps.every((this.deps.handEveryS ?? 20) * 1000 * (0.8 + random() * 0.4), () => {
        raised = !raised;
        room.send(AvatarMessage.handRaise, { raised });
      }),
    );
    const answered = new Set<string>();
    room.onMessage(PollsServerMessage.state, (s: PollsStatePayload) => {
      for (const poll of s.polls) if (poll.status === "open" && !answered.has(poll.id)) {
        answered.add(poll.id);
        room.send(PollsMessage.answer, answerTo(poll, random));
      }
    });
    room.onMessage(PollsServerMessage.mine, () => undefined);
    room.onMessage("*", () => undefined); // everything else a page hears is of no use to a bot
    room.send(PollsMessage.pollsSync, {});
    this.deps.log(`practice bot ${index + 1} joined ${sessionId}`);
    return { room, stops };
  }
}

/** A plausible answer: one option (several for a multiple choice), or a short word for open text. */
function answerTo(poll: PollView, random: () => number): { pollId: string; choices?: number[]; text?: string } {
  if (poll.kind === "text") return { pollId: poll.id, text: ["clear", "useful", "more practice"][Math.floor(random() * 3)] ?? "ok" };
  const n = Math.max(1, poll.options.length || 5);
  const first = Math.floor(random() * n);
  if (poll.kind === "multiple" && n > 1) return { pollId: poll.id, choices: [first, (first + 1) % n].sort((a, b) => a - b) };
  return { pollId: poll.id, choices: [first] };
}
