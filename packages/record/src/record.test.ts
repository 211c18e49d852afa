import { describe, expect, it } from "vitest";
import { buildReport, computeAttendance, reportCsv, REPORT_CSV_COLUMNS, type AttendanceBody, type Timed } from "./index.js";

const MIN = 60_000;
const WINDOW = 30_000; // the reconnection window, ms
/** A small scripted clock: events are written at `t` minutes after 10:00. */
const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const at = (minutes: number) => T0 + minutes * MIN;

const join = (m: number, personId: string, connection?: string, device: "vr" | "desktop" = "desktop"): Timed<AttendanceBody> => ({
  at: at(m),
  body: { event: "join", personId, name: personId.toUpperCase(), role: "participant", device, ...(connection ? { connection } : {}) },
});
const leave = (m: number, personId: string, connection?: string, device: "vr" | "desktop" = "desktop"): Timed<AttendanceBody> => ({
  at: at(m),
  body: { event: "leave", personId, name: personId.toUpperCase(), role: "participant", device, ...(connection ? { connection } : {}) },
});
const drop = (m: number, personId: string, connection: string): Timed<AttendanceBody> => ({ at: at(m), body: { event: "drop", personId, connection } });
const back = (m: number, personId: string, connection: string): Timed<AttendanceBody> => ({ at: at(m), body: { event: "reconnect", personId, connection } });
const onboarded = (m: number, personId: string): Timed<AttendanceBody> => ({ at: at(m), body: { event: "onboarded", personId, name: personId.toUpperCase(), role: "participant", device: "desktop" } });
const open = (m: number): Timed<AttendanceBody> => ({ at: at(m), body: { event: "open" } });
const alive = (m: number): Timed<AttendanceBody> => ({ at: at(m), body: { event: "alive" } });

const run = (events: Timed<AttendanceBody>[], endMinutes: number) => computeAttendance(events, { end: at(endMinutes), mergeGapMs: WINDOW });
const person = (a: ReturnType<typeof run>, id: string) => a.people.find((p) => p.personId === id)!;

describe("attendance arithmetic", () => {
  it("counts a plain stay from join to leave, and its share of the session", () => {
    const a = run([join(0, "fac"), join(10, "ada"), leave(40, "ada"), leave(60, "fac")], 60);
    expect(a.durationMs).toBe(60 * MIN);
    expect(person(a, "ada").presentMs).toBe(30 * MIN);
    expect(person(a, "ada").share).toBe(0.5);
    expect(person(a, "fac").share).toBe(1);
  });

  it("does not break a stay for a reconnect within the window", () => {
    const a = run([join(0, "ada", "c1"), drop(20, "ada", "c1"), { at: at(20) + 20_000, body: { event: "reconnect", personId: "ada", connection: "c1" } }, leave(60, "ada", "c1")], 60);
    expect(person(a, "ada").stays).toHaveLength(1);
    expect(person(a, "ada").presentMs).toBe(60 * MIN);
  });

  it("ends a stay where the connection dropped when the window ran out (leave written later)", () => {
    const a = run([join(0, "ada", "c1"), drop(20, "ada", "c1"), { at: at(20) + WINDOW, body: { event: "leave", personId: "ada", name: "ADA", role: "participant", device: "desktop", connection: "c1" } }], 60);
    expect(person(a, "ada").presentMs).toBe(20 * MIN);
  });

  it("does not count two tabs of one person twice", () => {
    const a = run([join(0, "ada", "tab1"), join(5, "ada", "tab2", "vr"), leave(30, "ada", "tab1"), leave(50, "ada", "tab2", "vr")], 60);
    const ada = person(a, "ada");
    expect(ada.presentMs).toBe(50 * MIN);
    expect(ada.joins).toBe(2);
    expect(ada.devices).toEqual(["vr", "desktop"]);
    expect(a.people).toHaveLength(1);
  });

  it("counts two tabs right in events stored without connection ids too", () => {
    const a = run([join(0, "ada"), join(5, "ada"), leave(30, "ada"), leave(50, "ada")], 60);
    expect(person(a, "ada").presentMs).toBe(50 * MIN);
  });

  it("leaves a gap for a leave and a later rejoin, but merges a reload", () => {
    const a = run([join(0, "ada", "c1"), leave(20, "ada", "c1"), join(30, "ada", "c2"), leave(40, "ada", "c2"), { at: at(40) + 5_000, body: { event: "join", personId: "ada", name: "ADA", role: "participant", device: "desktop", connection: "c3" } }, leave(50, "ada", "c3")], 60);
    const ada = person(a, "ada");
    expect(ada.stays.map((s) => [(s.from - T0) / MIN, (s.to - T0) / MIN])).toEqual([[0, 20], [30, 50]]);
    expect(ada.presentMs).toBe(40 * MIN);
  });

  it("closes stays cut by a server restart at the last sign of life, and merges a quick rejoin", () => {
    // the process dies at ~10:21 (last heartbeat 10:20); the new room opens at 10:20:20 and Ada is back at 10:20:25
    const events = [join(0, "ada", "c1"), join(0, "ben", "d1"), alive(10), alive(20), { at: at(20) + 20_000, body: { event: "open" } } as Timed<AttendanceBody>, { at: at(20) + 25_000, body: { event: "join", personId: "ada", name: "ADA", role: "participant", device: "desktop", connection: "c2" } } as Timed<AttendanceBody>, leave(60, "ada", "c2")];
    const a = run(events, 60);
    expect(person(a, "ada").stays).toHaveLength(1);
    expect(person(a, "ada").presentMs).toBe(60 * MIN);
    // Ben never came back: present until the last heartbeat, not until the end
    expect(person(a, "ben").presentMs).toBe(20 * MIN);
  });

  it("a restart with no heartbeat yet closes stays at the last event, not at the next open", () => {
    const a = run([join(0, "ada", "c1"), join(5, "ben", "d1"), open(50)], 60);
    expect(person(a, "ada").presentMs).toBe(5 * MIN);
  });

  it("closes the stays of people still present when the session ends, and ignores anything after", () => {
    const a = run([join(0, "fac"), join(15, "ada"), leave(70, "ada")], 45);
    expect(person(a, "ada").presentMs).toBe(30 * MIN);
    expect(person(a, "fac").presentMs).toBe(45 * MIN);
    expect(person(a, "ada").leaves).toBe(0);
  });

  it("measures the share against a given start", () => {
    const a = computeAttendance([join(10, "ada"), leave(40, "ada")], { start: at(0), end: at(60), mergeGapMs: WINDOW });
    expect(person(a, "ada").share).toBe(0.5);
  });
});

describe("report", () => {
  const attendance = [join(0, "fac"), join(0, "ada"), join(0, "ben"), onboarded(5, "ada"), leave(30, "ben"), leave(60, "ada"), leave(60, "fac")];
  const contributions = [
    { personId: "ada", kind: "hand" as const },
    { personId: "ada", kind: "hand" as const },
    { personId: "ada", kind: "chat" as const },
    { personId: "ben", kind: "quiz" as const, amount: 1 },
    { personId: "ada", kind: "quiz" as const, amount: 0 },
    { personId: "ada", kind: "talk" as const, amount: 42.4 },
    { personId: "ghost", kind: "chat" as const },
  ];
  const report = buildReport({ attendance, contributions, quizQuestions: 1, end: at(60), mergeGapMs: WINDOW });

  it("puts attendance and engagement on one row per person, longest present first", () => {
    expect(report.rows.map((r) => r.personId)).toEqual(["ada", "fac", "ben"]);
    expect(report.rows[0]).toMatchObject({ hands: 2, chat: 1, quizAnswered: 1, quizRight: 0, quizScore: 0, talkSeconds: 42.4 });
    expect(report.rows[2]).toMatchObject({ quizScore: 1, presentMs: 30 * MIN });
    expect(report.attendees).toBe(3);
  });

  it("writes a CSV with a BOM, the documented columns and the figures", () => {
    const csv = reportCsv({ ...report, rows: report.rows.map((r) => (r.personId === "ada" ? { ...r, name: "=Zoë", email: "zoe@example.org" } : r)) });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(REPORT_CSV_COLUMNS.map((c) => `"${c}"`).join(","));
    expect(lines).toHaveLength(4);
    const ada = lines[1]!.split(",").map((c) => c.replace(/^"|"$/g, ""));
    const col = (name: (typeof REPORT_CSV_COLUMNS)[number]) => ada[REPORT_CSV_COLUMNS.indexOf(name)];
    expect(col("name")).toBe("'=Zoë");
    expect(col("email")).toBe("zoe@example.org");
    expect(lines[3]!.split(",")[REPORT_CSV_COLUMNS.indexOf("email")]).toBe('""'); // gave none
    expect(col("minutes_present")).toBe("60.0");
    expect(col("share_present")).toBe("1.000");
    expect(col("onboarded")).toBe("yes");
    expect(lines[3]!.split(",")[REPORT_CSV_COLUMNS.indexOf("onboarded")]).toBe('"no"');
    expect(col("hand_raises")).toBe("2");
    expect(col("talk_seconds")).toBe("42");
    expect(col("first_join")).toBe("2026-01-05T10:00:00.000Z");
  });
});

describe("time in breakouts", () => {
  it("counts each person's time in groups, and counts it as presence in the training", () => {
    // Ada is in the main room 0–20 and 40–60, in group 1 from 20 to 40 (the switch takes 10 s); Ben stays in the main room.
    const main = [join(0, "ada", "a1"), join(0, "ben", "b1"), leave(20, "ada", "a1"), { at: at(40) + 10_000, body: { event: "join", personId: "ada", name: "ADA", role: "participant", device: "desktop", connection: "a3" } } as Timed<AttendanceBody>, leave(60, "ada", "a3"), leave(60, "ben", "b1")];
    const group = [{ at: at(20) + 10_000, body: { event: "join", personId: "ada", name: "ADA", role: "participant", device: "desktop", connection: "a2" } } as Timed<AttendanceBody>, leave(40, "ada", "a2")];
    const r = buildReport({ attendance: main, contributions: [], quizQuestions: 0, end: at(60), mergeGapMs: WINDOW, breakouts: [group] });
    const ada = r.rows.find((x) => x.personId === "ada")!;
    expect(ada.breakoutMs).toBe(20 * MIN - 10_000);
    expect(ada.presentMs).toBe(60 * MIN); // the switches' 10 s gaps are within the reconnection window
    expect(ada.share).toBe(1);
    expect(r.rows.find((x) => x.personId === "ben")!.breakoutMs).toBe(0);
    const csv = reportCsv(r).slice(1).split("\r\n");
    expect(csv[0]).toContain('"breakout_minutes"');
    expect(csv[1]!.split(",").at(-1)).toBe('"19.8"'); // Ada's row: 19 min 50 s
  });
});
