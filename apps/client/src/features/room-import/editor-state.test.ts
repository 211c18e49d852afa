import { draftRoomFromReport, checkRoomFile, seatPlacements } from "@otc/rooms";
import { createTranslator } from "@otc/i18n";
import { describe, expect, it } from "vitest";
import { editorReducer, initialEditor, PANEL } from "./editor-state.js";
import { wallSpot } from "./wall-snap.js";
import { formatBytes, formatMetric } from "./format.js";
import { namesFromFile } from "./names-from-file.js";
import { officeReport } from "./test-report.js";

const start = () => initialEditor(draftRoomFromReport(officeReport, { id: "office", name: "Office" }));

describe("anchor editor", () => {
  it("hangs a screen clicked near a wall on that wall's face, facing into the room", () => {
    const s = editorReducer(start(), { type: "place", tool: "screen", x: 1, z: -3 });
    const screen = s.room.screens[0]!;
    expect(screen).toMatchObject({ id: "screen-1", yawDeg: 0, width: PANEL.width, height: PANEL.height });
    expect(screen.position).toEqual([1, PANEL.y, -3.77]);
    expect(checkRoomFile(s.room).ok).toBe(true);
  });

  it("turns new spawns and seat rows toward the screen and centres the row on the click", () => {
    let s = editorReducer(start(), { type: "place", tool: "screen", x: 0, z: -3.5 });
    s = editorReducer(s, { type: "place", tool: "spawn", x: 0, z: 2 });
    s = editorReducer(s, { type: "place", tool: "seats", x: 0, z: 1 });
    expect(s.room.spawns.at(-1)).toEqual({ position: [0, 0, 2], yawDeg: 0 });
    const seats = seatPlacements(s.room);
    expect(seats).toHaveLength(6);
    expect(seats[0]!.position[0]).toBeCloseTo(-1.75);
    expect(seats[5]!.position[0]).toBeCloseTo(1.75);
  });

  it("edits figures, deletes, keeps one spawn, and undoes step by step", () => {
    let s = editorReducer(start(), { type: "place", tool: "board", x: 4.5, z: 0 });
    expect(s.room.boards[0]!.yawDeg).toBe(-90);
    s = editorReducer(s, { type: "update", kind: "boards", index: 0, fields: { y: 1.4, width: 1.8 } });
    expect(s.room.boards[0]).toMatchObject({ position: [4.97, 1.4, 0], width: 1.8 });
    const same = editorReducer(s, { type: "remove", kind: "spawns", index: 0 });
    expect(same).toBe(s);
    s = editorReducer(s, { type: "remove", kind: "boards", index: 0 });
    expect(s.room.boards).toHaveLength(0);
    s = editorReducer(s, { type: "undo" });
    expect(s.room.boards[0]!.width).toBe(1.8);
    s = editorReducer(editorReducer(s, { type: "undo" }), { type: "undo" });
    expect(s.room.boards).toHaveLength(0);
    expect(s.past).toHaveLength(0);
    expect(editorReducer(s, { type: "undo" })).toBe(s);
  });

  it("hangs the logo on the nearest wall, facing into the room, and sets and clears the brand kit undoably", () => {
    const side = editorReducer(start(), { type: "place", tool: "logo", x: 4.5, z: 1 });
    expect(side.room.logo).toMatchObject({ position: [4.97, start().room.logo.position[1], 1], yawDeg: -90 }); // the right-hand wall, facing −x
    let s = editorReducer(start(), { type: "place", tool: "logo", x: 3, z: -3 });
    expect(s.room.logo).toMatchObject({ position: [3, start().room.logo.position[1], -3.77], yawDeg: 0 });
    s = editorReducer(s, { type: "logo", text: "ACME", y: 2.2 });
    expect(s.room.logo).toMatchObject({ text: "ACME", position: [3, 2.2, -3.77], yawDeg: 0 });
    s = editorReducer(s, { type: "brand", brand: { primary: "#112233", secondary: "#ffffff", logoImage: "uploads/brand/0123456789abcdef0123456789abcdef.png" } });
    expect(checkRoomFile(s.room).ok).toBe(true);
    s = editorReducer(s, { type: "brand", brand: undefined });
    expect("brand" in s.room).toBe(false);
    expect(editorReducer(s, { type: "undo" }).room.brand?.primary).toBe("#112233");
  });

  it("lowers the model by the chosen floor height, undoably, and ignores a non-number", () => {
    const s0 = start();
    expect(s0.room.environment?.offset[1]).toBe(-0);
    const s1 = editorReducer(s0, { type: "floor", height: 0.45 });
    expect(s1.room.environment?.offset).toEqual([s0.room.environment!.offset[0], -0.45, s0.room.environment!.offset[2]]);
    expect(editorReducer(s1, { type: "floor", height: Number.NaN })).toBe(s1);
    expect(editorReducer(s1, { type: "undo" }).room.environment?.offset[1]).toBe(-0);
  });

  it("leaves a panel where clicked, facing +z, far from any wall", () => {
    const room = { ...start().room, size: [30, 3, 30] as [number, number, number], colliders: [] };
    expect(wallSpot(room, 2, 3)).toEqual({ x: 2, z: 3, yawDeg: 0 });
  });
});

describe("names from the uploaded file", () => {
  it("makes a room id and name from the file name", () => {
    expect(namesFromFile("Office 3rd_floor.glb")).toEqual({ id: "office-3rd-floor", name: "Office 3rd floor" });
    expect(namesFromFile("???.glb")).toEqual({ id: "imported-room", name: "???" });
  });
});

describe("report units", () => {
  it("reads as a person would say it", () => {
    const en = createTranslator("en");
    expect(formatMetric("triangles", 148000, en)).toBe("148,000 triangles");
    expect(formatMetric("textureSize", 4096, en)).toBe("4,096 px");
    expect(formatBytes(50 * 1024 * 1024, en)).toBe("50 MB");
    expect(formatBytes(37.44 * 1024 * 1024, en)).toBe("37.4 MB");
    expect(formatBytes(812 * 1024, en)).toBe("812 KB");
    const fr = createTranslator("fr");
    expect(formatMetric("triangles", 148000, fr)).toBe("148\u202f000 triangles");
    expect(formatBytes(37.44 * 1024 * 1024, fr)).toBe("37,4 Mo");
  });
});
