import { Texture } from "three";
import { describe, expect, it } from "vitest";
import { TagBatch, packTag, type TagQuad } from "./tag-batch.js";

const quad = (x: number, alpha: number): TagQuad => ({ x, y: 0.1, w: 0.4, h: 0.08, cell: { u0: 0.1, v0: 0.2, u1: 0.3, v1: 0.4, w: 32, h: 16 }, rgba: [1, 0.5, 0.25, alpha], grow: 1 });

function attributes(batch: TagBatch, n: number): Record<string, number[]> {
  const g = batch.mesh.geometry;
  const sizes = { aAnchor: 3, aRect: 4, aUv: 4, aColor: 4, aGrow: 1 };
  return Object.fromEntries(Object.entries(sizes).map(([name, size]) => [name, Array.from(g.getAttribute(name).array as Float32Array).slice(0, n * size)]));
}

describe("name tags in the instanced batch", () => {
  it("a tag packed once and copied whole draws exactly what pushing its quads one by one draws, reconnecting dimness included", () => {
    const quads = [quad(-0.2, 1), quad(0.25, 0.8)];
    const anchor = [1, 1.9, -3];
    const direct = new TagBatch(new Texture());
    direct.begin();
    for (const q of quads) direct.push(anchor, q, 0.6);
    expect(direct.end()).toBe(2);
    const packed = new TagBatch(new Texture());
    packed.begin();
    packed.pushPacked(anchor, packTag(quads, 0.6));
    expect(packed.end()).toBe(2);
    expect(attributes(packed, 2)).toEqual(attributes(direct, 2));
    expect(attributes(packed, 2).aColor![3]).toBeCloseTo(0.6); // the tag's alpha times the quad's
  });

  it("grows past its first capacity without losing the quads already pushed", () => {
    const batch = new TagBatch(new Texture());
    batch.begin();
    const tag = packTag([quad(0, 1)], 1);
    for (let i = 0; i < 600; i++) batch.pushPacked([i, 0, 0], tag);
    expect(batch.end()).toBe(600);
    const anchors = attributes(batch, 600).aAnchor!;
    expect([anchors[0], anchors[3 * 599]]).toEqual([0, 599]);
  });
});
