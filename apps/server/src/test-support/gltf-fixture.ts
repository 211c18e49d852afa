import { Document, NodeIO, type Material, type Mesh } from "@gltf-transform/core";
import sharp from "sharp";

export interface FixtureOptions {
  /** Triangles in the "Sculpture" mesh (a finely divided dome); 0 leaves it out. */
  sculptureTriangles?: number;
  /** Separate chair boxes, each with its own (identical) material: one draw call each. */
  chairs?: number;
  /** Edge of the square texture on the floor, px; 0 for none. */
  textureSize?: number;
  /** Height of the floor's top surface in the model's coordinates, metres. */
  floorY?: number;
  /** Interior width × depth, metres. */
  width?: number;
  depth?: number;
}

/**
 * A small office as a GLB, made in code for tests: a "Floor" slab, four "Wall-*" slabs, chairs and
 * an optional dense sculpture and large texture so that it can be made over the Quest budget on
 * purpose. Coordinates are metres, y up; the model is deliberately off-centre by (3, floorY, -2).
 */
export async function makeOfficeGlb(opts: FixtureOptions = {}): Promise<Uint8Array> {
  const { sculptureTriangles = 0, chairs = 8, textureSize = 0, floorY = 0.5, width = 12, depth = 10 } = opts;
  const doc = new Document();
  const buffer = doc.createBuffer();
  const scene = doc.createScene("Office");
  const ox = 3;
  const oz = -2;
  const material = (name: string, rgb: [number, number, number]) => doc.createMaterial(name).setBaseColorFactor([...rgb, 1]).setRoughnessFactor(0.8);
  const box = (name: string, mat: Material, c: [number, number, number], s: [number, number, number]): Mesh => {
    const mesh = doc.createMesh(name).addPrimitive(boxPrimitive(doc, buffer, c, s).setMaterial(mat));
    scene.addChild(doc.createNode(name).setMesh(mesh));
    return mesh;
  };
  const floorMat = material("FloorMat", [0.75, 0.68, 0.58]);
  if (textureSize > 0) {
    const png = await plankPng(textureSize);
    floorMat.setBaseColorTexture(doc.createTexture("FloorTexture").setImage(new Uint8Array(png)).setMimeType("image/png"));
  }
  box("Floor", floorMat, [ox, floorY - 0.05, oz], [width, 0.1, depth]);
  const wallMat = material("WallMat", [0.93, 0.93, 0.9]);
  const h = 3;
  box("Wall-North", wallMat, [ox, floorY + h / 2, oz - depth / 2], [width, h, 0.2]);
  box("Wall-South", wallMat, [ox, floorY + h / 2, oz + depth / 2], [width, h, 0.2]);
  box("Wall-West", wallMat, [ox - width / 2, floorY + h / 2, oz], [0.2, h, depth]);
  box("Wall-East", wallMat, [ox + width / 2, floorY + h / 2, oz], [0.2, h, depth]);
  for (let i = 0; i < chairs; i++) {
    const col = i % 10;
    const row = Math.floor(i / 10);
    box(`Chair-${i + 1}`, material(`ChairMat-${i + 1}`, [0.2, 0.35, 0.5]), [ox - 4.5 + col, floorY + 0.25, oz + 0.5 + row * 0.7], [0.45, 0.5, 0.45]);
  }
  if (sculptureTriangles > 0) {
    const mesh = doc.createMesh("Sculpture").addPrimitive(domePrimitive(doc, buffer, [ox + 4, floorY, oz - 3], 0.6, sculptureTriangles).setMaterial(material("Bronze", [0.6, 0.45, 0.25])));
    scene.addChild(doc.createNode("Sculpture").setMesh(mesh));
  }
  return new NodeIO().writeBinary(doc);
}

function boxPrimitive(doc: Document, buffer: ReturnType<Document["createBuffer"]>, c: [number, number, number], s: [number, number, number]) {
  const [hx, hy, hz] = [s[0] / 2, s[1] / 2, s[2] / 2];
  const faces: Array<[number[], number[][]]> = [
    [[1, 0, 0], [[1, -1, -1], [1, 1, -1], [1, 1, 1], [1, -1, 1]]],
    [[-1, 0, 0], [[-1, -1, 1], [-1, 1, 1], [-1, 1, -1], [-1, -1, -1]]],
    [[0, 1, 0], [[-1, 1, -1], [-1, 1, 1], [1, 1, 1], [1, 1, -1]]],
    [[0, -1, 0], [[-1, -1, 1], [-1, -1, -1], [1, -1, -1], [1, -1, 1]]],
    [[0, 0, 1], [[-1, -1, 1], [1, -1, 1], [1, 1, 1], [-1, 1, 1]]],
    [[0, 0, -1], [[1, -1, -1], [-1, -1, -1], [-1, 1, -1], [1, 1, -1]]],
  ];
  const pos: number[] = [];
  const nor: number[] = [];
  const uv: number[] = [];
  const idx: number[] = [];
  faces.forEach(([n, corners], f) => {
    for (const [k, q] of corners.entries()) {
      pos.push(c[0] + q[0]! * hx, c[1] + q[1]! * hy, c[2] + q[2]! * hz);
      nor.push(...n);
      uv.push(k === 1 || k === 2 ? 1 : 0, k >= 2 ? 1 : 0);
    }
    idx.push(f * 4, f * 4 + 1, f * 4 + 2, f * 4, f * 4 + 2, f * 4 + 3);
  });
  return primitive(doc, buffer, pos, nor, uv, idx);
}

/** A half sphere on the floor made of `triangles` (rounded to a grid) small triangles. */
function domePrimitive(doc: Document, buffer: ReturnType<Document["createBuffer"]>, c: [number, number, number], r: number, triangles: number) {
  const n = Math.max(4, Math.round(Math.sqrt(triangles / 2)));
  const pos: number[] = [];
  const nor: number[] = [];
  const uv: number[] = [];
  const idx: number[] = [];
  for (let i = 0; i <= n; i++) {
    const theta = (i / n) * (Math.PI / 2);
    for (let j = 0; j <= n; j++) {
      const phi = (j / n) * Math.PI * 2;
      const x = Math.cos(theta) * Math.cos(phi);
      const y = Math.sin(theta);
      const z = Math.cos(theta) * Math.sin(phi);
      pos.push(c[0] + r * x, c[1] + r * y, c[2] + r * z);
      nor.push(x, y, z);
      uv.push(j / n, i / n);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = i * (n + 1) + j;
      const b = a + n + 1;
      idx.push(a, b, a + 1, a + 1, b, b + 1);
    }
  }
  return primitive(doc, buffer, pos, nor, uv, idx);
}

function primitive(doc: Document, buffer: ReturnType<Document["createBuffer"]>, pos: number[], nor: number[], uv: number[], idx: number[]) {
  const acc = (type: "VEC3" | "VEC2" | "SCALAR", array: Float32Array | Uint32Array) => doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  return doc
    .createPrimitive()
    .setAttribute("POSITION", acc("VEC3", new Float32Array(pos)))
    .setAttribute("NORMAL", acc("VEC3", new Float32Array(nor)))
    .setAttribute("TEXCOORD_0", acc("VEC2", new Float32Array(uv)))
    .setIndices(acc("SCALAR", new Uint32Array(idx)));
}

/** Warm floor planks with darker seams (not one colour, or the optimiser would replace it with a colour). */
async function plankPng(size: number): Promise<Buffer> {
  const raw = Buffer.alloc(size * size * 3);
  const plank = Math.max(4, Math.floor(size / 16));
  for (let y = 0; y < size; y++) {
    const seam = y % plank < Math.max(1, plank / 32);
    const shade = seam ? 110 : 170 + ((Math.floor(y / plank) * 37) % 30);
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      raw[i] = shade + 10;
      raw[i + 1] = shade - 10;
      raw[i + 2] = shade - 40;
    }
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } }).png().toBuffer();
}
