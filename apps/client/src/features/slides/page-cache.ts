import { pagesToKeep } from "@otc/slides";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { CanvasTexture, SRGBColorSpace, type Texture } from "three";
import { meanLuma, renderPage } from "./pdf-renderer.js";

export interface PageTexture {
  texture: Texture;
  /** width / height of the page. */
  aspect: number;
  /** Mean brightness 0..1 (tests tell a drawn page from a blank one). */
  luma: number;
}

/** Process-wide counters for tests and the bench: textures alive now, and made/released so far. */
export interface PageCacheStats {
  live: number;
  rendered: number;
  disposed: number;
  /** Texture bytes held now (RGBA, no mipmaps). */
  bytes: number;
  /** Why the last page could not be drawn, if one could not. */
  lastError?: string;
}

/**
 * Page textures of one screen's deck: the current page and a small window around it (pagesToKeep:
 * one ahead, one behind), rendered on demand, next page prefetched. Pages that leave the window
 * are disposed at once (GPU memory and the canvas), so paging through a long deck keeps memory flat.
 */
export class PageCache {
  private readonly pages = new Map<number, Promise<PageTexture | null>>();
  private disposed = false;

  constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly screen: { width: number; height: number },
    private readonly stats: PageCacheStats,
    /** Low-bandwidth mode: smaller page textures. */
    private readonly low = false,
  ) {}

  /** The texture for `page`, and the window around it started; drops what is outside. */
  show(page: number): Promise<PageTexture | null> {
    const keep = pagesToKeep({ page, pageCount: this.doc.numPages });
    for (const [n, entry] of this.pages) if (!keep.includes(n)) this.release(n, entry);
    for (const n of keep) if (!this.pages.has(n)) this.pages.set(n, this.render(n));
    return this.pages.get(page) ?? Promise.resolve(null);
  }

  /** The texture of `page` if it is in the window already (the next page is prefetched); starts nothing. */
  peek(page: number): Promise<PageTexture | null> | undefined {
    return this.pages.get(page);
  }

  dispose(): void {
    this.disposed = true;
    for (const [n, entry] of this.pages) this.release(n, entry);
  }

  private async render(n: number): Promise<PageTexture | null> {
    try {
      const canvas = await renderPage(this.doc, n, this.screen, this.low);
      if (this.disposed || !this.pages.has(n)) return null; // released while rendering
      const { width, height } = canvas;
      const texture = new CanvasTexture(canvas);
      texture.colorSpace = SRGBColorSpace;
      texture.anisotropy = 4;
      const luma = meanLuma(canvas);
      this.stats.live++;
      this.stats.rendered++;
      this.stats.bytes += width * height * 4;
      return { texture, aspect: width / height, luma };
    } catch (e) {
      this.stats.lastError = `page ${n}: ${e instanceof Error ? e.message : String(e)}`;
      return null;
    }
  }

  private release(n: number, entry: Promise<PageTexture | null>): void {
    this.pages.delete(n);
    void entry.then((p) => {
      if (!p) return;
      const image = p.texture.image as HTMLCanvasElement;
      this.stats.bytes -= image.width * image.height * 4;
      p.texture.dispose();
      image.width = image.height = 0; // frees the canvas backing store now, not at GC
      this.stats.live--;
      this.stats.disposed++;
    });
  }
}
