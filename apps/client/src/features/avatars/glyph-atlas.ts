import { CanvasTexture, LinearFilter, SRGBColorSpace } from "three";
import { SYSTEM_FONT } from "../room/canvas-texture.js";
import { drawIcon, ICONS, type IconName } from "./tag-icons.js";

/** A cell of the atlas: texture coordinates and the drawn size in atlas pixels. */
export interface Cell {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
  w: number; // px
  h: number; // px
}

const SIZE = 1024; // px, square
const ROW = 64; // px per text row
const FONT_PX = 46;
const ICON = 128; // px per icon cell

/**
 * One texture for every name tag, badge, icon and reaction in the room: glyphs drawn once from the
 * local system font (nothing fetched), icons drawn with canvas paths. Characters not seen before
 * (a name in another script) are added on first use; the texture is re-uploaded only then, never per
 * avatar or per frame.
 */
export class GlyphAtlas {
  readonly texture: CanvasTexture;
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly glyphs = new Map<string, Cell>();
  private readonly icons = new Map<IconName, Cell>();
  private x = 0;
  private y: number;

  constructor() {
    const canvas = document.createElement("canvas");
    canvas.width = SIZE;
    canvas.height = SIZE;
    this.ctx = canvas.getContext("2d");
    this.texture = new CanvasTexture(canvas);
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.minFilter = LinearFilter; // no mipmaps: a partial re-upload stays consistent
    this.texture.generateMipmaps = false;
    // Icons take the top rows; glyphs fill the rest.
    ICONS.forEach((name, i) => {
      const cx = (i % (SIZE / ICON)) * ICON;
      const cy = Math.floor(i / (SIZE / ICON)) * ICON;
      if (this.ctx) drawIcon(this.ctx, name, cx, cy, ICON);
      this.icons.set(name, this.cellAt(cx + 1, cy + 1, ICON - 2, ICON - 2));
    });
    this.y = Math.ceil(ICONS.length / (SIZE / ICON)) * ICON;
    for (let c = 32; c < 127; c++) this.glyph(String.fromCharCode(c));
    for (const c of "…·—–éèêëàâäöüôçñßÉÀÖÜØøåÅæ") this.glyph(c);
  }

  icon(name: IconName): Cell {
    return this.icons.get(name)!;
  }

  /** The cell of one character (a grapheme's first code point), drawing it if it is new. */
  glyph(ch: string): Cell {
    const known = this.glyphs.get(ch);
    if (known) return known;
    const ctx = this.ctx;
    if (!ctx) return this.cellAt(0, 0, 1, 1);
    ctx.font = `600 ${FONT_PX}px ${SYSTEM_FONT}`;
    const w = Math.ceil(ctx.measureText(ch).width) + 4;
    if (this.x + w > SIZE) {
      this.x = 0;
      this.y += ROW;
    }
    if (this.y + ROW > SIZE) return this.glyphs.get("?") ?? this.cellAt(0, 0, 1, 1); // full: unusual names degrade, nothing breaks
    ctx.fillStyle = "#ffffff";
    ctx.textBaseline = "middle";
    ctx.fillText(ch, this.x + 2, this.y + ROW / 2 + 2);
    const cell = this.cellAt(this.x, this.y, w, ROW);
    this.glyphs.set(ch, cell);
    this.x += w + 2;
    this.texture.needsUpdate = true;
    return cell;
  }

  private cellAt(x: number, y: number, w: number, h: number): Cell {
    // CanvasTexture is flipped (flipY): v grows upwards from the canvas bottom.
    return { u0: x / SIZE, u1: (x + w) / SIZE, v0: 1 - (y + h) / SIZE, v1: 1 - y / SIZE, w, h };
  }
}

export const ATLAS_ROW_PX = ROW;
