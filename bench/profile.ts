// What each bench section measures, in the full run and in the quick one. The quick profile exists so
// the README's test command can run every section on every change (a benchmark nobody runs rots): small
// counts and short windows, the same code paths, figures printed but never held against the baseline.
import { IMPORTED_OFFICE } from "./room-templates.ts";

export interface BenchProfile {
  name: "full" | "quick";
  presence: { clients: number[]; warmMs: number; measureMs: number };
  render: { avatars: number[]; settleMs: number; sampleMs: number };
  rooms: string[];
  storageWrites: number;
  /** Mesh stops at 5 speakers: 8+ meshed pages saturate a 2-core machine (VOICE.md), and the product warns above 8 people anyway. */
  voice: { meshSpeakers: number[]; sfuSpeakers: number[]; windowMs: number };
  whiteboardStrokes: number[];
  /** Operations in the replay figure (whole log against snapshot + tail). */
  whiteboardReplayOps: number;
  slidePages: number;
  /** SDK clients answering one poll. */
  pollClients: number;
}

/** `npm run bench`. OTC_VOICE_BENCH_SPEAKERS (e.g. "2,5,10") and OTC_SLIDES_BENCH_PAGES override two of its counts. */
export function fullProfile(env: NodeJS.ProcessEnv): BenchProfile {
  const speakers = (env.OTC_VOICE_BENCH_SPEAKERS ?? "2,5,10").split(",").map(Number);
  return {
    name: "full",
    presence: { clients: [10, 50, 100], warmMs: 3000, measureMs: 8000 },
    render: { avatars: [0, 50, 150], settleMs: 1500, sampleMs: 2500 },
    rooms: ["training-room", "lobby", "classroom", "auditorium", "meeting-room", "breakout-pods", IMPORTED_OFFICE],
    storageWrites: 400,
    voice: { meshSpeakers: speakers.filter((k) => k <= 5), sfuSpeakers: speakers, windowMs: 8000 },
    whiteboardStrokes: [200, 2000],
    whiteboardReplayOps: 100_000,
    slidePages: Number(env.OTC_SLIDES_BENCH_PAGES ?? 200),
    pollClients: 150,
  };
}

/** `npm run bench -- --quick`: about 2 minutes on the 2-core CI box; the SFU rows are left to the full run (they need Janus and its namespace). */
export const QUICK_PROFILE: BenchProfile = {
  name: "quick",
  presence: { clients: [5], warmMs: 1000, measureMs: 2000 },
  render: { avatars: [0, 10], settleMs: 500, sampleMs: 1000 },
  rooms: ["training-room"],
  storageWrites: 20,
  voice: { meshSpeakers: [2], sfuSpeakers: [], windowMs: 2000 },
  whiteboardStrokes: [200],
  whiteboardReplayOps: 5_000,
  slidePages: 3,
  pollClients: 10,
};
