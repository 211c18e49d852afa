import { strToU8, unzipSync, zipSync } from "fflate";
import { QUEST_BUDGET, roomLayoutSchema, type ModelReport, type RoomTemplateSummary } from "@otc/contract";
import { draftRoomFromReport } from "@otc/rooms";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { makeOfficeGlb } from "../../test-support/gltf-fixture.js";
import { startTestServer, type TestServer } from "../../test-support/harness.js";

const ADMIN_SECRET = "room import secret";
let h: TestServer | undefined;
let heavy: Uint8Array;
let light: Uint8Array;

beforeAll(async () => {
  heavy = await makeOfficeGlb({ sculptureTriangles: 150_000, chairs: 60, textureSize: 4096 });
  light = await makeOfficeGlb();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const start = async () => (h = await startTestServer({ adminSecret: ADMIN_SECRET }));
const send = (path: string, body: Uint8Array | string | object, type: string, auth = true) =>
  fetch(`${h!.server.url}${path}`, {
    method: "POST",
    headers: { "content-type": type, ...(auth ? { authorization: `Bearer ${ADMIN_SECRET}` } : {}) },
    body: body instanceof Uint8Array ? Buffer.from(body) : typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (path: string) => fetch(`${h!.server.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_SECRET}` } });
const upload = async (bytes: Uint8Array) => {
  const res = await send("/api/room-models", bytes, "model/gltf-binary");
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ModelReport;
};
const refusal = async (res: Response) => (await res.json()) as { error: string; errors?: string[] };
const check = (r: ModelReport, metric: string) => r.checks.find((c) => c.metric === metric)!;

describe("model upload", () => {
  it("is closed without a console sign-in", async () => {
    await start();
    expect((await send("/api/room-models", light, "model/gltf-binary", false)).status).toBe(401);
    expect((await send("/api/rooms", {}, "application/json", false)).status).toBe(401);
    expect((await fetch(`${h!.server.url}/api/rooms/classroom/archive`)).status).toBe(401);
  });

  it("judges a file by its content, not its name, and says what is wrong", async () => {
    await start();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(40).fill(0)]);
    const notGlb = await send("/api/room-models", png, "model/gltf-binary");
    expect(notGlb.status).toBe(415);
    expect((await refusal(notGlb)).error).toMatch(/not a GLB/);
    const truncated = await send("/api/room-models", light.slice(0, light.byteLength - 100), "model/gltf-binary");
    expect(truncated.status).toBe(415);
    expect((await refusal(truncated)).error).toMatch(/truncated/);
    const broken = light.slice();
    broken.fill(0x7b, 20, 60); // JSON chunk turned to garbage, header intact
    const unreadable = await send("/api/room-models", broken, "model/gltf-binary");
    expect(unreadable.status).toBe(422);
    expect((await refusal(unreadable)).error).toMatch(/could not be read/);
    expect((await send("/api/room-models", light, "text/plain")).status).toBe(415);
  });

  it("reports a heavy model over the Quest budget and makes an optimised copy within it", async () => {
    await start();
    const report = await upload(heavy);
    expect(report.withinBudget).toBe(false);
    expect(check(report, "triangles")).toMatchObject({ ok: false, limit: QUEST_BUDGET.triangles });
    expect(check(report, "triangles").value).toBeGreaterThan(150_000);
    expect(check(report, "drawCalls")).toMatchObject({ value: 66, ok: false });
    expect(check(report, "textureSize")).toMatchObject({ value: 4096, ok: false });
    expect(report.floor).toMatchObject({ height: 0.5, meshes: ["Floor"], rects: [{ minX: -3, maxX: 9, minZ: -7, maxZ: 3 }] });
    expect(report.walls).toHaveLength(4);

    const res = await send(`/api/room-models/${report.modelId}/optimise`, {}, "application/json");
    expect(res.status).toBe(201);
    const optimised = (await res.json()) as ModelReport;
    expect(optimised.optimisedFrom).toBe(report.modelId);
    expect(optimised.withinBudget).toBe(true);
    expect(optimised.triangles).toBeLessThanOrEqual(QUEST_BUDGET.triangles);
    expect(optimised.drawCalls).toBeLessThan(10);
    expect(optimised.textures.map((t) => [t.width, t.height])).toEqual([[2048, 2048]]);
    expect(optimised.floor).toEqual(report.floor);
    expect(optimised.notes.join(" ")).toMatch(/draw calls.*triangles.*2048 px/s);
    expect(optimised.bytes).toBeLessThan(report.bytes);

    const served = await fetch(`${h!.server.url}/assets/imported/${optimised.modelId}.glb`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toMatch(/model\/gltf-binary/);
    expect((await served.arrayBuffer()).byteLength).toBe(optimised.bytes);
    expect(((await (await get(`/api/room-models/${optimised.modelId}`)).json()) as ModelReport).triangles).toBe(optimised.triangles);
    expect((await fetch(`${h!.server.url}/assets/imported/${"0".repeat(32)}.glb`)).status).toBe(404);
    expect((await fetch(`${h!.server.url}/assets/imported/${optimised.modelId}.report.json`)).status).toBe(404); // reports are the console's
  });
});

describe("imported rooms", () => {
  it("saves a room made from a model, lists it, serves it, and a session can meet in it", async () => {
    await start();
    const report = await upload(light);
    const room = draftRoomFromReport(report, { id: "head-office", name: "Head office" });
    expect(room.environment?.offset).toEqual([-3, -0.5, 2]); // footprint centred, floor at y = 0
    const saved = await send("/api/rooms", room, "application/json");
    expect(saved.status, await saved.clone().text()).toBe(201);
    const list = (await (await get("/api/rooms")).json()) as RoomTemplateSummary[];
    expect(list).toContainEqual({ id: "head-office", name: "Head office", imported: true });
    expect(list).toContainEqual({ id: "classroom", name: expect.any(String), imported: false });
    const served = roomLayoutSchema.parse(await (await fetch(`${h!.server.url}/assets/rooms/head-office.json`)).json());
    expect(served.environment?.model).toBe(`imported/${report.modelId}.glb`);

    const created = await send("/api/sessions", { title: "Induction", room: "head-office", language: "en" }, "application/json");
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const ada = await h!.join("Ada", { sessionId: id });
    expect(ada.room.state.roomLayout).toBe("head-office");
  });

  it("refuses a broken room file with each problem's path, and keeps built-in ids", async () => {
    await start();
    const report = await upload(light);
    const room = draftRoomFromReport(report, { id: "head-office", name: "Head office" });
    const offFloor = await send("/api/rooms", { ...room, spawns: [{ position: [40, 0, 0], yawDeg: 0 }] }, "application/json");
    expect(offFloor.status).toBe(400);
    expect((await refusal(offFloor)).errors).toContain("spawns.0.position: not on free walkable floor");
    const typo = await send("/api/rooms", { ...room, screens: [{ id: "Main Screen", position: [0, 1.6, 0], width: 2, height: 1 }] }, "application/json");
    expect((await refusal(typo)).errors?.[0]).toMatch(/^screens\.0\.id: /);
    const taken = await send("/api/rooms", { ...room, id: "classroom" }, "application/json");
    expect(taken.status).toBe(409);
    const ghost = await send("/api/rooms", { ...room, environment: { model: `imported/${"a".repeat(32)}.glb`, offset: [0, 0, 0] } }, "application/json");
    expect((await refusal(ghost)).errors).toEqual([`environment.model: no uploaded model ${"a".repeat(32)}`]);
    expect((await get("/api/rooms/head-office")).status).toBe(404);
  });

  it("takes a PNG or JPEG logo by its content, never an SVG, and serves it re-encoded", async () => {
    await start();
    const jpeg = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: "#1f6f8b" } }).jpeg().toBuffer();
    const res = await send("/api/brand-logos", new Uint8Array(jpeg), "image/jpeg");
    expect(res.status).toBe(201);
    const { logoImage } = (await res.json()) as { logoImage: string };
    expect(logoImage).toMatch(/^uploads\/brand\/[a-f0-9]{32}\.png$/);
    const served = await fetch(`${h!.server.url}/assets/${logoImage}`);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ format: "png", width: 1024, height: 341 });
    const svg = await send("/api/brand-logos", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/png");
    expect(svg.status).toBe(415);
    expect((await refusal(svg)).error).toBe("A logo must be a PNG or JPEG picture.");
    const fakePng = await send("/api/brand-logos", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]), "image/png");
    expect(fakePng.status).toBe(422);
  });

  // The first archive starts the parse worker (it loads TypeScript through tsx: about 2 s on a busy box).
  it("moves between installations as one archive, and refuses archives that are not rooms", { timeout: 20_000 }, async () => {
    await start();
    const report = await upload(light);
    const png = await sharp({ create: { width: 200, height: 100, channels: 4, background: "#edae49" } }).png().toBuffer();
    const { logoImage } = (await (await send("/api/brand-logos", new Uint8Array(png), "image/png")).json()) as { logoImage: string };
    const draft = draftRoomFromReport(report, { id: "campus", name: "Campus" });
    const branded = { ...draft, brand: { logoImage, primary: "#1f6f8b", secondary: "#edae49" } };
    expect((await send("/api/rooms", branded, "application/json")).status).toBe(201);
    const exported = await get("/api/rooms/campus/archive");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(/campus\.otc-room\.zip/);
    const archive = new Uint8Array(await exported.arrayBuffer());
    expect(Object.keys(unzipSync(archive)).sort()).toEqual([`imported/${report.modelId}.glb`, "room.json", logoImage]);
    await h!.close();

    await start(); // another installation: fresh data folder
    expect((await get("/assets/rooms/campus.json")).status).toBe(404);
    const imported = await send("/api/rooms/archive", archive, "application/zip");
    expect(imported.status, await imported.clone().text()).toBe(201);
    expect(await imported.json()).toEqual({ id: "campus", name: "Campus", imported: true });
    const model = await fetch(`${h!.server.url}/assets/imported/${report.modelId}.glb`);
    expect(Buffer.from(await model.arrayBuffer()).equals(Buffer.from(light))).toBe(true);
    expect((await fetch(`${h!.server.url}/assets/${logoImage}`)).status).toBe(200);
    expect(((await (await get("/api/rooms/campus")).json()) as { brand: unknown }).brand).toMatchObject({ logoImage });

    const notZip = await send("/api/rooms/archive", light, "application/zip");
    expect((await refusal(notZip)).error).toMatch(/not a room archive/);
    const noModel = zipSync({ "room.json": strToU8(JSON.stringify({ ...draftRoomFromReport(report, { id: "lost", name: "Lost" }), environment: { model: `imported/${"b".repeat(32)}.glb` } })) });
    expect((await refusal(await send("/api/rooms/archive", noModel, "application/zip"))).errors).toEqual([`environment.model: no uploaded model ${"b".repeat(32)}`]);
    const fakeModel = zipSync({ "room.json": strToU8("{}"), [`imported/${"c".repeat(32)}.glb`]: strToU8("not a model at all, just text") });
    const fake = await send("/api/rooms/archive", fakeModel, "application/zip");
    expect(fake.status).toBe(415);
    expect((await refusal(fake)).error).toMatch(/not a GLB/);
  });
});
