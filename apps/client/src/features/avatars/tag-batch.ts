import { DynamicDrawUsage, InstancedBufferAttribute, InstancedBufferGeometry, Float32BufferAttribute, Mesh, ShaderMaterial, type Texture } from "three";
import type { Cell } from "./glyph-atlas.js";

/** One textured quad of a tag, in metres on the camera-facing plane through its anchor. */
export interface TagQuad {
  x: number;
  y: number;
  w: number;
  h: number;
  cell: Cell;
  /** Linear RGBA multiplied with the atlas texel (glyphs are white; icons carry their own colour). */
  rgba: [number, number, number, number];
  /** 1: grows with distance beyond GROW_FROM m so it stays readable from the back of an auditorium. */
  grow: number;
}

const VERTEX = /* glsl */ `
attribute vec3 aAnchor;
attribute vec4 aRect;
attribute vec4 aUv;
attribute vec4 aColor;
attribute float aGrow;
varying vec2 vUv;
varying vec4 vColor;
void main() {
  vec4 mv = modelViewMatrix * vec4(aAnchor, 1.0);
  float s = mix(1.0, max(1.0, -mv.z / 3.5), aGrow);
  mv.xy += (aRect.xy + position.xy * aRect.zw) * s;
  gl_Position = projectionMatrix * mv;
  vUv = mix(aUv.xy, aUv.zw, position.xy);
  vColor = aColor;
}`;

const FRAGMENT = /* glsl */ `
uniform sampler2D map;
varying vec2 vUv;
varying vec4 vColor;
void main() {
  vec4 t = texture2D(map, vUv);
  gl_FragColor = vec4(vColor.rgb * t.rgb, vColor.a * t.a);
  if (gl_FragColor.a < 0.02) discard;
  #include <colorspace_fragment>
}`;

/**
 * A tag's quads packed once, when it is laid out, with its opacity applied: a frame then copies
 * blocks (`TagBatch.pushPacked`) instead of walking thousands of quad objects field by field.
 */
export interface PackedTag {
  count: number;
  rect: Float32Array;
  uv: Float32Array;
  colour: Float32Array;
  grow: Float32Array;
}

/** Packs `quads` at opacity `alpha`, reusing `into`'s arrays when they hold as many quads (a frame then copies them whole). */
export function packTag(quads: readonly TagQuad[], alpha: number, into?: PackedTag): PackedTag {
  const n = quads.length;
  const tag = into && into.count === n ? into : { count: 0, rect: new Float32Array(n * 4), uv: new Float32Array(n * 4), colour: new Float32Array(n * 4), grow: new Float32Array(n) };
  tag.count = n;
  for (let i = 0; i < n; i++) writeQuad(tag.rect, tag.uv, tag.colour, tag.grow, i, quads[i]!, alpha, 0, 0);
  return tag;
}

/**
 * Writes quad `q` at index `i` of the four per-quad arrays, element by element: a quad is written
 * thousands of times a frame in a crowd, so no temporary arrays.
 */
function writeQuad(rect: Float32Array, uv: Float32Array, colour: Float32Array, grow: Float32Array, i: number, q: TagQuad, alpha: number, dx: number, dy: number): void {
  const i4 = i * 4;
  rect[i4] = q.x + dx;
  rect[i4 + 1] = q.y + dy;
  rect[i4 + 2] = q.w;
  rect[i4 + 3] = q.h;
  uv[i4] = q.cell.u0;
  uv[i4 + 1] = q.cell.v0;
  uv[i4 + 2] = q.cell.u1;
  uv[i4 + 3] = q.cell.v1;
  colour[i4] = q.rgba[0];
  colour[i4 + 1] = q.rgba[1];
  colour[i4 + 2] = q.rgba[2];
  colour[i4 + 3] = q.rgba[3] * alpha;
  grow[i] = q.grow;
}

const FIELDS = { aAnchor: 3, aRect: 4, aUv: 4, aColor: 4, aGrow: 1 } as const;
type Field = keyof typeof FIELDS;

/**
 * Every name tag, badge, cue icon and floating reaction in the room as instanced quads of one
 * atlas: one draw call, no per-avatar texture. Quads face the camera (billboards in view space).
 */
export class TagBatch {
  readonly mesh: Mesh<InstancedBufferGeometry, ShaderMaterial>;
  private capacity = 0;
  private n = 0;
  private arrays = {} as Record<Field, Float32Array>;

  constructor(map: Texture) {
    const geometry = new InstancedBufferGeometry();
    geometry.setAttribute("position", new Float32BufferAttribute([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0], 3));
    geometry.setIndex([0, 1, 2, 0, 2, 3]);
    const material = new ShaderMaterial({ uniforms: { map: { value: map } }, vertexShader: VERTEX, fragmentShader: FRAGMENT, transparent: true, depthWrite: false, toneMapped: false });
    this.mesh = new Mesh(geometry, material);
    this.mesh.name = "avatar-tags";
    this.mesh.frustumCulled = false;
    this.mesh.renderOrder = 10;
    this.allocate(512);
  }

  begin(): void {
    this.n = 0;
  }

  push(anchor: readonly number[], q: TagQuad, alpha = 1, dx = 0, dy = 0): void {
    if (this.n >= this.capacity) this.allocate(this.capacity * 2);
    const i = this.n++;
    const a = this.arrays;
    const i3 = i * 3;
    a.aAnchor[i3] = anchor[0]!;
    a.aAnchor[i3 + 1] = anchor[1]!;
    a.aAnchor[i3 + 2] = anchor[2]!;
    writeQuad(a.aRect, a.aUv, a.aColor, a.aGrow, i, q, alpha, dx, dy);
  }

  /** Pushes a whole packed tag hanging at `anchor` (world metres). */
  pushPacked(anchor: readonly number[], tag: PackedTag): void {
    const n = tag.count;
    if (n === 0) return;
    while (this.n + n > this.capacity) this.allocate(this.capacity * 2);
    const i = this.n;
    this.n += n;
    const a = this.arrays;
    const k = i * 4;
    a.aRect.set(tag.rect, k);
    a.aUv.set(tag.uv, k);
    a.aColor.set(tag.colour, k);
    a.aGrow.set(tag.grow, i);
    const an = a.aAnchor;
    const x = anchor[0]!;
    const y = anchor[1]!;
    const z = anchor[2]!;
    for (let j = i * 3, end = (i + n) * 3; j < end; j += 3) {
      an[j] = x;
      an[j + 1] = y;
      an[j + 2] = z;
    }
  }

  end(): number {
    const g = this.mesh.geometry;
    g.instanceCount = this.n;
    this.mesh.visible = this.n > 0;
    for (const name of Object.keys(FIELDS) as Field[]) {
      const attr = g.getAttribute(name) as InstancedBufferAttribute;
      attr.clearUpdateRanges();
      attr.addUpdateRange(0, this.n * FIELDS[name]);
      attr.needsUpdate = true;
    }
    return this.n;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }

  private allocate(capacity: number): void {
    const g = this.mesh.geometry;
    for (const name of Object.keys(FIELDS) as Field[]) {
      const size = FIELDS[name];
      const array = new Float32Array(capacity * size);
      const old = this.arrays[name];
      if (old) array.set(old);
      this.arrays[name] = array;
      const attr = new InstancedBufferAttribute(array, size);
      attr.setUsage(DynamicDrawUsage);
      g.setAttribute(name, attr);
    }
    this.capacity = capacity;
  }
}
