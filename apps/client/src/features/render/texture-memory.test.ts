import { DataTexture, Mesh, MeshStandardMaterial, PlaneGeometry, Scene } from "three";
import { describe, expect, it } from "vitest";
import { textureBytesOf } from "./texture-memory.js";

describe("texture memory estimate", () => {
  it("counts each texture once, with its mip chain", () => {
    const scene = new Scene();
    const map = new DataTexture(new Uint8Array(64 * 32 * 4), 64, 32);
    const shared = new MeshStandardMaterial({ map });
    scene.add(new Mesh(new PlaneGeometry(), shared), new Mesh(new PlaneGeometry(), shared));
    scene.add(new Mesh(new PlaneGeometry(), new MeshStandardMaterial({ map, normalMap: new DataTexture(new Uint8Array(16 * 4), 4, 4) })));
    expect(textureBytesOf(scene)).toBe(Math.round((64 * 32 + 4 * 4) * 4 * (4 / 3)));
    expect(textureBytesOf(new Scene())).toBe(0);
  });
});
