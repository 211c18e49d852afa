// What each bench section measures, in the full run and in the quick one. The quick profile exists so
// the README's test command can run every section on every change (a benchmark nobody runs rots): small
// counts and short windows, the same code paths, figures printed but never held against the baseline.
import type { LoadOptions } from "./presence-load.ts";
import { IMPORTED_OFFICE } from "./room-templates.ts";

/** One presence load run, named as it is printed. */
export type PresenceRun = LoadOptions & { label: string };
const walking = (n: number): PresenceRun => ({ label: `${n} walking`, rooms: 1, perRoom: n, template: "training-room", trace: "walking", children: 1, warmMs: 3000, measureMs: 8000 });

export interface BenchProfile {
  name: "full" | "quick";
  presence: PresenceRun[];
  /** Simulated seconds of the seated and walking traces (bytes per avatar, encoder only). */
  traceSeconds: number;
  tickCostPeople: number;
  /** Remote avatars per render row (the auditorium); each row samples at least `sampleMs` and `minFrames` frames. */
  render: { avatars: number[]; settleMs: number; sampleMs: number; minFrames: number };
  rooms: string[];
  storageWrites: number;
  /** Mesh stops at 5 speakers: 8+ meshed pages saturate a 2-core machine (VOICE.md), and the product warns above 8 people anyway. */
  voice: { meshSpeakers: number[]; sfuSpeakers: number[]; windowMs: number };
  /** werift listeners subscribed to 3 werift speakers through Janus, added row by row; each row measured for `windowMs`. */
  voiceScale: { listeners: number[]; windowMs: number };
  whiteboardStrokes: number[];
  /** Operations in the replay figure (whole log against snapshot + tail). */
  whiteboardReplayOps: number;
  slidePages: number;
  /** Clients in one room for `seconds` (with churn), RSS sampled every `sampleMs`. */
  soak: { clients: number; seconds: number; sampleMs: number };
  /** Room switches through doors in emulated VR (lobby ↔ classroom); the figure is their median. */
  doorSwitches: number;
  /** XR frames timed with the hand menu closed and open each; 0: the chunk size only (quick). */
  vrMenuFrames: number;
  /** SDK clients answering one poll. */
  pollClients: number;
  /** Breakout: SDK clients sent into groups and back. */
  breakoutClients: number;
  breakoutGroups: number;
  /** The training report: people and hours of stored events, and how many times it is computed. */
  /** The report computed `runs` times, and opened in the console `renderRuns` times. */
  record: { people: number; hours: number; runs: number; renderRuns: number };
}

const pick = (only: string | undefined, runs: PresenceRun[]) =>
  only ? runs.filter((r) => only.split(",").some((w) => r.label.startsWith(w.trim()))) : runs;

/** `npm run bench`. OTC_RENDER_BENCH_AVATARS (e.g. "0,300") picks the render rows; OTC_PRESENCE_BENCH_RUNS (labels' first words, e.g. "300,40") picks presence runs; OTC_VOICE_BENCH_SPEAKERS (e.g. "2,5,10"), OTC_VOICESCALE_LISTENERS (e.g. "10,25"), OTC_SLIDES_BENCH_PAGES and OTC_SOAK_SECONDS override four of its counts. */
export function fullProfile(env: NodeJS.ProcessEnv): BenchProfile {
  const speakers = (env.OTC_VOICE_BENCH_SPEAKERS ?? "2,5,10").split(",").map(Number);
  return {
    name: "full",
    presence: pick(env.OTC_PRESENCE_BENCH_RUNS, [
      walking(10),
      walking(50),
      walking(100),
      // the auditorium: most people seated and listening, one in ten walking; 20 s measured (400 ticks) so
      // the p99 is the fifth-slowest tick, not the second of 160
      { label: "300 audience", rooms: 1, perRoom: 300, template: "auditorium", trace: "audience", children: 3, warmMs: 4000, measureMs: 20_000 },
      { label: "300 walking", rooms: 1, perRoom: 300, template: "auditorium", trace: "walking", children: 3, warmMs: 4000, measureMs: 20_000 },
      { label: "40 rooms x 25", rooms: 40, perRoom: 25, template: "training-room", trace: "audience", children: 4, warmMs: 4000, measureMs: 8000 },
      { label: "join burst 100 in 10 s", rooms: 1, perRoom: 100, template: "auditorium", trace: "audience", children: 1, joinSpreadMs: 10_000, warmMs: 1000, measureMs: 3000 },
    ]),
    traceSeconds: 120,
    tickCostPeople: 300,
    render: { avatars: (env.OTC_RENDER_BENCH_AVATARS ?? "0,50,150,300").split(",").map(Number), settleMs: 1500, sampleMs: 2500, minFrames: 30 },
    rooms: ["training-room", "lobby", "classroom", "auditorium", "meeting-room", "breakout-pods", IMPORTED_OFFICE],
    storageWrites: 400,
    voice: { meshSpeakers: speakers.filter((k) => k <= 5), sfuSpeakers: speakers, windowMs: 8000 },
    voiceScale: { listeners: (env.OTC_VOICESCALE_LISTENERS ?? "10,25,50,100").split(",").map(Number), windowMs: 10_000 },
    whiteboardStrokes: [200, 2000],
    whiteboardReplayOps: 100_000,
    slidePages: Number(env.OTC_SLIDES_BENCH_PAGES ?? 200),
    soak: { clients: 150, seconds: Number(env.OTC_SOAK_SECONDS ?? 600), sampleMs: 5000 },
    doorSwitches: 5,
    vrMenuFrames: 300,
    pollClients: 150,
    breakoutClients: 30,
    breakoutGroups: 6,
    record: { people: 150, hours: 3, runs: 5, renderRuns: 5 },
  };
}

/** `npm run bench -- --quick`: about 2 minutes on the 2-core CI box; the SFU rows are left to the full run (they need Janus and its namespace). */
export const QUICK_PROFILE: BenchProfile = {
  name: "quick",
  // one run through every path of the full ones: two rooms, two client processes, spread joins, the audience trace
  presence: [{ label: "2 rooms x 4, joins over 0.5 s", rooms: 2, perRoom: 4, template: "auditorium", trace: "audience", children: 2, joinSpreadMs: 500, warmMs: 800, measureMs: 1500 }],
  traceSeconds: 10,
  tickCostPeople: 20,
  render: { avatars: [0, 10], settleMs: 500, sampleMs: 1000, minFrames: 5 },
  rooms: ["training-room"],
  storageWrites: 20,
  voice: { meshSpeakers: [2], sfuSpeakers: [], windowMs: 2000 },
  voiceScale: { listeners: [3], windowMs: 3000 },
  whiteboardStrokes: [200],
  whiteboardReplayOps: 5_000,
  slidePages: 3,
  soak: { clients: 10, seconds: 6, sampleMs: 500 },
  doorSwitches: 1,
  vrMenuFrames: 0,
  pollClients: 10,
  breakoutClients: 12,
  breakoutGroups: 3,
  record: { people: 10, hours: 0.5, runs: 2, renderRuns: 1 },
};
