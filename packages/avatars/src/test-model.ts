/**
 * Builds a small, valid VRM 1.0 file (glTF binary with the VRMC_vrm extension) in memory: a humanoid
 * skeleton of the required bones with coloured boxes on them. Used as the upload fixture by the
 * server tests, the browser tests and the benchmark, so no model file is downloaded or checked in.
 */
interface Bone {
  name: string;
  parent: string | null;
  at: [number, number, number]; // metres, relative to the parent
  box?: [number, number, number, number]; // size x, y, z (m) and material index
}

// A 1.7 m figure standing at the origin, facing +z (VRM 1.0 convention).
const BONES: Bone[] = [
  { name: "hips", parent: null, at: [0, 0.95, 0], box: [0.32, 0.16, 0.2, 2] },
  { name: "spine", parent: "hips", at: [0, 0.12, 0], box: [0.34, 0.2, 0.2, 1] },
  { name: "chest", parent: "spine", at: [0, 0.18, 0], box: [0.38, 0.24, 0.22, 1] },
  { name: "neck", parent: "chest", at: [0, 0.2, 0], box: [0.08, 0.08, 0.08, 0] },
  { name: "head", parent: "neck", at: [0, 0.1, 0], box: [0.2, 0.24, 0.22, 0] },
  ...(["left", "right"] as const).flatMap((side): Bone[] => {
    const s = side === "left" ? 1 : -1; // +x is the figure's left when it faces +z
    return [
      { name: `${side}UpperArm`, parent: "chest", at: [0.2 * s, 0.15, 0], box: [0.26, 0.08, 0.08, 1] },
      { name: `${side}LowerArm`, parent: `${side}UpperArm`, at: [0.27 * s, 0, 0], box: [0.25, 0.07, 0.07, 0] },
      { name: `${side}Hand`, parent: `${side}LowerArm`, at: [0.26 * s, 0, 0], box: [0.1, 0.04, 0.08, 0] },
      { name: `${side}UpperLeg`, parent: "hips", at: [0.1 * s, -0.08, 0], box: [0.13, 0.42, 0.13, 2] },
      { name: `${side}LowerLeg`, parent: `${side}UpperLeg`, at: [0, -0.42, 0], box: [0.11, 0.4, 0.11, 2] },
      { name: `${side}Foot`, parent: `${side}LowerLeg`, at: [0, -0.42, 0.04], box: [0.1, 0.06, 0.22, 3] },
    ];
  }),
];

const COLOURS: Array<[number, number, number]> = [
  [0.93, 0.75, 0.62], // skin
  [0.2, 0.55, 0.35], // shirt
  [0.15, 0.18, 0.3], // trousers
  [0.1, 0.1, 0.1], // shoes
];

function boxGeometry(): { positions: Float32Array; normals: Float32Array; indices: Uint16Array } {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const faces: Array<[number[], number[], number[]]> = [
    [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    [[-1, 0, 0], [0, 0, 1], [0, 1, 0]],
    [[0, 1, 0], [0, 0, 1], [1, 0, 0]],
    [[0, -1, 0], [1, 0, 0], [0, 0, 1]],
    [[0, 0, 1], [1, 0, 0], [0, 1, 0]],
    [[0, 0, -1], [0, 1, 0], [1, 0, 0]],
  ];
  for (const [n, u, v] of faces) {
    const base = positions.length / 3;
    for (const [a, b] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
      positions.push((n[0]! + a * u[0]! + b * v[0]!) / 2, (n[1]! + a * u[1]! + b * v[1]!) / 2, (n[2]! + a * u[2]! + b * v[2]!) / 2);
      normals.push(n[0]!, n[1]!, n[2]!);
    }
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  return { positions: new Float32Array(positions), normals: new Float32Array(normals), indices: new Uint16Array(indices) };
}

/** A VRM 1.0 (or, with `vrm: false`, a plain GLB without the extension) as bytes. */
export function buildTestVrm(opts: { vrm?: boolean; name?: string } = {}): Uint8Array {
  const geo = boxGeometry();
  const bin = new Uint8Array(geo.positions.byteLength + geo.normals.byteLength + geo.indices.byteLength + 2);
  bin.set(new Uint8Array(geo.positions.buffer), 0);
  bin.set(new Uint8Array(geo.normals.buffer), geo.positions.byteLength);
  bin.set(new Uint8Array(geo.indices.buffer), geo.positions.byteLength + geo.normals.byteLength);
  const nodes: Array<Record<string, unknown>> = [];
  const index = new Map<string, number>();
  BONES.forEach((b, i) => index.set(b.name, i));
  for (const b of BONES) nodes.push({ name: b.name, translation: b.at, children: [] as number[] });
  for (const b of BONES) if (b.parent) (nodes[index.get(b.parent)!]!.children as number[]).push(index.get(b.name)!);
  for (const b of BONES) {
    if (!b.box) continue;
    const geoNode = nodes.length;
    const [sx, sy, sz, m] = b.box;
    const alongX = /Arm|Hand/.test(b.name);
    const side = b.name.startsWith("left") ? 1 : -1;
    const offset = alongX ? [(sx / 2) * side, 0, 0] : b.name === "hips" || b.name.endsWith("Foot") ? [0, 0, 0] : [0, /Leg/.test(b.name) ? -sy / 2 : sy / 2, 0];
    nodes.push({ name: `${b.name}_geo`, mesh: m, translation: offset, scale: [sx, sy, sz] });
    (nodes[index.get(b.name)!]!.children as number[]).push(geoNode);
  }
  for (const n of nodes) if (Array.isArray(n.children) && n.children.length === 0) delete n.children;
  const json: Record<string, unknown> = {
    asset: { version: "2.0", generator: "otc test-model" },
    scene: 0,
    scenes: [{ nodes: [index.get("hips")!] }],
    nodes,
    meshes: COLOURS.map((_, m) => ({ primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, indices: 2, material: m }] })),
    materials: COLOURS.map((c) => ({ pbrMetallicRoughness: { baseColorFactor: [...c, 1], metallicFactor: 0, roughnessFactor: 0.8 } })),
    buffers: [{ byteLength: bin.byteLength }],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: geo.positions.byteLength, target: 34962 },
      { buffer: 0, byteOffset: geo.positions.byteLength, byteLength: geo.normals.byteLength, target: 34962 },
      { buffer: 0, byteOffset: geo.positions.byteLength + geo.normals.byteLength, byteLength: geo.indices.byteLength, target: 34963 },
    ],
    accessors: [
      { bufferView: 0, componentType: 5126, count: 24, type: "VEC3", min: [-0.5, -0.5, -0.5], max: [0.5, 0.5, 0.5] },
      { bufferView: 1, componentType: 5126, count: 24, type: "VEC3" },
      { bufferView: 2, componentType: 5123, count: 36, type: "SCALAR" },
    ],
  };
  if (opts.vrm !== false) {
    json.extensionsUsed = ["VRMC_vrm"];
    json.extensions = {
      VRMC_vrm: {
        specVersion: "1.0",
        meta: { name: opts.name ?? "Test figure", version: "1", authors: ["Open Training Centre tests"], licenseUrl: "https://vrm.dev/licenses/1.0/", avatarPermission: "everyone", commercialUsage: "personalNonProfit", allowRedistribution: true, modification: "allowModification" },
        humanoid: { humanBones: Object.fromEntries(BONES.map((b) => [b.name, { node: index.get(b.name)! }])) },
      },
    };
  }
  return glb(json, bin);
}

function glb(json: unknown, bin: Uint8Array): Uint8Array {
  const text = utf8(JSON.stringify(json));
  const jsonLen = Math.ceil(text.byteLength / 4) * 4;
  const binLen = Math.ceil(bin.byteLength / 4) * 4;
  const total = 12 + 8 + jsonLen + 8 + binLen;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true); // "glTF"
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonLen, true);
  view.setUint32(16, 0x4e4f534a, true); // "JSON"
  out.fill(0x20, 20, 20 + jsonLen);
  out.set(text, 20);
  view.setUint32(20 + jsonLen, binLen, true);
  view.setUint32(24 + jsonLen, 0x004e4942, true); // "BIN\0"
  out.set(bin, 28 + jsonLen);
  return out;
}

/** UTF-8 bytes of a string (this package has no DOM or Node types, so no TextEncoder). */
function utf8(s: string): Uint8Array {
  const escaped = encodeURIComponent(s);
  const out: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === "%") {
      out.push(parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(escaped.charCodeAt(i));
  }
  return new Uint8Array(out);
}
