import { draftRoomFromReport } from "@otc/rooms";
import { describe, expect, it } from "vitest";
import { DRAFT_MAX_AGE_MS, clearDraft, draftDiffers, draftKey, loadDraft, saveDraft } from "./editor-draft.js";
import { editorReducer, initialEditor } from "./editor-state.js";
import { memoryStorage } from "../../test-support/memory-storage.js";
import { officeReport } from "./test-report.js";

describe("unsaved anchor-editor work", () => {
  const start = draftRoomFromReport(officeReport, { id: "office", name: "Office" });

  it("is kept per model, offered back when it differs, and put back undoably", () => {
    const storage = memoryStorage();
    const key = draftKey(start);
    expect(key).toBe("otc.room-draft.imported/0123456789abcdef0123456789abcdef.glb");
    const edited = editorReducer(initialEditor(start), { type: "place", tool: "screen", x: 0, z: -3.9 });
    saveDraft(storage, key, edited.room, 1_000);

    const draft = loadDraft(storage, key, 2_000)!;
    expect(draft.at).toBe(1_000);
    expect(draft.room.screens).toHaveLength(1);
    expect(draftDiffers(draft, start)).toBe(true);
    expect(draftDiffers(draft, edited.room)).toBe(false);

    const restored = editorReducer(initialEditor(start), { type: "restore", room: draft.room });
    expect(restored.room.screens).toHaveLength(1);
    expect(editorReducer(restored, { type: "undo" }).room).toBe(start);

    clearDraft(storage, key);
    expect(loadDraft(storage, key, 2_000)).toBeNull();
  });

  it("drops a draft that is too old or no longer a valid room file", () => {
    const storage = memoryStorage();
    const key = draftKey(start);
    saveDraft(storage, key, start, 0);
    expect(loadDraft(storage, key, DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(storage.m.has(key)).toBe(false);
    storage.setItem(key, JSON.stringify({ room: { ...start, spawns: [] }, at: 0 }));
    expect(loadDraft(storage, key, 1)).toBeNull();
    storage.setItem(key, "{oops");
    expect(loadDraft(storage, key, 1)).toBeNull();
  });

  it("uses the room id for a room without a model", () => {
    const { environment: _none, ...builtIn } = start;
    expect(draftKey({ ...builtIn, id: "campus-hall" })).toBe("otc.room-draft.room:campus-hall");
  });
});
