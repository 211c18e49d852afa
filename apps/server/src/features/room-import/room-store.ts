import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { environmentModelId, type RoomLayout, type RoomTemplateSummary } from "@otc/contract";
import { checkRoomFile } from "@otc/rooms";
import type { BrandLogos } from "./brand-logos.js";
import type { ModelStore } from "./model-store.js";

export type SaveResult = { ok: true; room: RoomLayout } | { ok: false; status: number; error: string; errors: string[] };

/** Presence channel on which a process announces a room it saved (payload: the room id). */
export const ROOM_IMPORTED_CHANNEL = "otc:room-imported";

/**
 * Rooms made in the console, as room files under `<dataDir>/rooms/<id>.json`, kept in the same
 * map as the built-in templates (sessions and the training room look rooms up there). A built-in
 * template's id cannot be taken; saving an imported id again replaces that room.
 */
export class ImportedRooms {
  private readonly dir: string;
  private readonly imported = new Set<string>();

  constructor(
    dataDir: string,
    private readonly layouts: Map<string, RoomLayout>,
    private readonly models: ModelStore,
    private readonly logos: BrandLogos,
    /** Told after each save (the server tells its other processes, which `reload` the room). */
    private readonly onSaved: (id: string) => void = () => undefined,
  ) {
    this.dir = path.join(dataDir, "rooms");
  }

  /** Loads the saved rooms into the map; a file that no longer validates is skipped and reported. */
  async load(log: (line: string) => void): Promise<void> {
    const files = await readdir(this.dir).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith(".json"))) {
      let json: unknown = null;
      try {
        json = JSON.parse(await readFile(path.join(this.dir, file), "utf8"));
      } catch {
        // unreadable or not JSON: reported below as an invalid room file, never a failed start
      }
      const checked = checkRoomFile(json);
      if (!checked.ok || this.layouts.has(checked.room.id)) {
        log(`rooms: skipped ${file}: ${checked.ok ? "its id is a built-in template's" : checked.errors.join("; ")}`);
        continue;
      }
      this.layouts.set(checked.room.id, checked.room);
      this.imported.add(checked.room.id);
    }
  }

  /**
   * Reads one saved room again (another server process saved it: processes share DATA_DIR and hear
   * of each save through the presence). False when the file is missing or no longer valid.
   */
  async reload(id: string): Promise<boolean> {
    if (this.layouts.has(id) && !this.imported.has(id)) return false; // a built-in template's id
    let json: unknown = null;
    try {
      json = JSON.parse(await readFile(path.join(this.dir, `${path.basename(id)}.json`), "utf8"));
    } catch {
      return false;
    }
    const checked = checkRoomFile(json);
    if (!checked.ok || checked.room.id !== id) return false;
    this.layouts.set(id, checked.room);
    this.imported.add(id);
    return true;
  }

  isImported(id: string): boolean {
    return this.imported.has(id);
  }

  summaries(): RoomTemplateSummary[] {
    return [...this.layouts.values()].map((l) => ({ id: l.id, name: l.name, imported: this.imported.has(l.id) }));
  }

  /** Validates a room file (paths named in each error), checks its model is here and usable, and keeps it. */
  async save(json: unknown): Promise<SaveResult> {
    const checked = checkRoomFile(json);
    if (!checked.ok) return { ok: false, status: 400, error: "The room file is not valid.", errors: checked.errors };
    const room = checked.room;
    if (this.layouts.has(room.id) && !this.imported.has(room.id)) {
      return { ok: false, status: 409, error: `"${room.id}" is a built-in template; choose another id.`, errors: [`id: "${room.id}" is taken by a built-in template`] };
    }
    if (room.environment) {
      const modelId = environmentModelId(room.environment);
      const report = await this.models.report(modelId);
      if (!report) return { ok: false, status: 400, error: "The room's model is not on this server.", errors: [`environment.model: no uploaded model ${modelId}`] };
      if (!report.clientReady) return { ok: false, status: 400, error: "Headsets cannot decode this model.", errors: ["environment.model: uses Draco or KTX2 compression; save the optimised copy instead"] };
    }
    const logo = room.brand?.logoImage;
    if (logo?.startsWith("uploads/") && !(await this.logos.read(logo))) {
      return { ok: false, status: 400, error: "The room's logo is not on this server.", errors: [`brand.logoImage: no uploaded logo ${logo}`] };
    }
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${room.id}.json`);
    await writeFile(`${file}.tmp`, JSON.stringify(room, null, 2));
    await rename(`${file}.tmp`, file);
    this.layouts.set(room.id, room);
    this.imported.add(room.id);
    this.onSaved(room.id);
    return { ok: true, room };
  }
}
