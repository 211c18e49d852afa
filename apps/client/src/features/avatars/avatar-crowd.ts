import { HAIR_STYLES, type HairStyle } from "@otc/contract";
import { Color, DynamicDrawUsage, Group, InstancedBufferAttribute, InstancedMesh, MeshBasicMaterial, MeshStandardMaterial, type BufferGeometry, type Material, type Matrix4 } from "three";
import * as shapes from "./avatar-geometry.js";

export type HairPart = `hair-${Exclude<HairStyle, "none">}`;
export type Part = "head" | "torso" | "hand" | "limb" | "eye" | "mouth" | "ring" | "farHead" | "farBody" | HairPart;

/** Instances of each part one avatar may use (hands, arm bones and eyes come in pairs or fours). */
const PER_AVATAR: Partial<Record<Part, number>> = { hand: 2, limb: 4, eye: 2 };

const WHITE = new Color(1, 1, 1);

/** One part's instanced mesh and this frame's count: resolved once per part and kept by the animators. */
export interface CrowdSlot {
  readonly mesh: InstancedMesh;
  count: number;
}

/**
 * Every default avatar in the room drawn with one instanced mesh per body part and shared
 * materials: the number of draw calls does not grow with the number of people. Each frame the
 * animators push their parts between `begin()` and `end()`; counts then shrink to what was pushed.
 */
export class AvatarCrowd {
  readonly group = new Group();
  private readonly slots = new Map<Part, CrowdSlot>();
  private readonly materials: Material[] = [];

  constructor(avatars = 64) {
    this.group.name = "avatar-crowd";
    const skinLit = new MeshStandardMaterial({ roughness: 0.62, metalness: 0 });
    const clothLit = new MeshStandardMaterial({ roughness: 0.85, metalness: 0 });
    const face = new MeshBasicMaterial({ color: "#241a1a" });
    const lips = new MeshBasicMaterial({ color: "#6e2f2f" });
    const ring = new MeshBasicMaterial({ color: "#36e07a", toneMapped: false });
    const far = new MeshStandardMaterial({ roughness: 0.8, flatShading: true });
    this.materials.push(skinLit, clothLit, face, lips, ring, far);
    const add = (part: Part, geometry: BufferGeometry, material: Material, shadows: boolean) => {
      const mesh = new InstancedMesh(geometry, material, avatars * (PER_AVATAR[part] ?? 1));
      mesh.name = `avatar-${part}`;
      mesh.instanceMatrix.setUsage(DynamicDrawUsage);
      mesh.setColorAt(0, WHITE); // allocates instanceColor
      mesh.instanceColor!.setUsage(DynamicDrawUsage);
      mesh.count = 0;
      mesh.castShadow = shadows;
      mesh.frustumCulled = false; // instances move every frame; the geometry's bounds say nothing about them
      this.slots.set(part, { mesh, count: 0 });
      this.group.add(mesh);
    };
    add("head", shapes.headGeometry(), skinLit, true);
    add("torso", shapes.torsoGeometry(), clothLit, true);
    add("hand", shapes.handGeometry(), skinLit, false);
    add("limb", shapes.limbGeometry(), clothLit, false);
    add("eye", shapes.eyeGeometry(), face, false);
    add("mouth", shapes.mouthGeometry(), lips, false);
    add("ring", shapes.ringGeometry(), ring, false);
    add("farHead", shapes.farHeadGeometry(), far, false);
    add("farBody", shapes.farBodyGeometry(), far, false);
    for (const style of HAIR_STYLES) if (style !== "none") add(`hair-${style}`, shapes.hairGeometry(style), clothLit, false);
  }

  begin(): void {
    for (const slot of this.slots.values()) slot.count = 0;
  }

  /** The slot of a part, to push to without a lookup per instance. */
  slot(part: Part): CrowdSlot {
    return this.slots.get(part)!;
  }

  push(part: Part, matrix: Matrix4, colour: Color = WHITE): void {
    this.pushTo(this.slots.get(part)!, matrix, colour);
  }

  /** Called for every part of every avatar in view, every frame. */
  pushTo(slot: CrowdSlot, matrix: Matrix4, colour: Color = WHITE): void {
    const mesh = slot.mesh;
    const i = slot.count++;
    if (i >= mesh.instanceMatrix.count) this.grow(mesh);
    mesh.setMatrixAt(i, matrix);
    mesh.setColorAt(i, colour);
  }

  /** Publishes this frame's instances; returns how many were drawn. */
  end(): number {
    let total = 0;
    for (const { mesh, count: n } of this.slots.values()) {
      mesh.count = n;
      mesh.visible = n > 0;
      total += n;
      if (n === 0) continue;
      mesh.instanceMatrix.clearUpdateRanges();
      mesh.instanceMatrix.addUpdateRange(0, n * 16);
      mesh.instanceMatrix.needsUpdate = true;
      mesh.instanceColor!.clearUpdateRanges();
      mesh.instanceColor!.addUpdateRange(0, n * 3);
      mesh.instanceColor!.needsUpdate = true;
    }
    return total;
  }

  dispose(): void {
    for (const { mesh } of this.slots.values()) {
      mesh.geometry.dispose();
      mesh.dispose();
    }
    for (const m of this.materials) m.dispose();
  }

  private grow(mesh: InstancedMesh): void {
    const size = mesh.instanceMatrix.count * 2;
    const matrices = new InstancedBufferAttribute(new Float32Array(size * 16), 16);
    matrices.array.set(mesh.instanceMatrix.array);
    matrices.setUsage(DynamicDrawUsage);
    const colours = new InstancedBufferAttribute(new Float32Array(size * 3), 3);
    colours.array.set(mesh.instanceColor!.array);
    colours.setUsage(DynamicDrawUsage);
    mesh.instanceMatrix = matrices;
    mesh.instanceColor = colours;
  }
}
