import { build, VanillaImage, type Image as UikitImage } from "@react-three/uikit";
import { useEffect, useState, type ComponentProps } from "react";
import type { PageTexture } from "./page-cache.js";
import type { SlidesClient } from "./slides-client.js";

/**
 * uikit's own `Image` registers with three under its class's name, which the production minifier
 * shortens, and can shorten to the same name as Container's (then every Container threw "the image
 * component can not have any children"): the same component, registered under a fixed name.
 */
const PageImage = build<VanillaImage, ComponentProps<typeof UikitImage>>(VanillaImage, "OtcPageImage");

/** How often to look for the next page's texture until the screen has started it. */
const LOOK_MS = 300;
/** Panel pixels (mm) of the thumbnail's longer side. */
const SIZE = 120;

/**
 * The presenter view's next page in the VR Slides tab: the texture the screen already prefetched for
 * that page (its page cache keeps one page ahead), drawn as a small image; nothing until it is ready.
 */
export function NextPageThumb({ slides, screenId, deckId, page }: { slides: SlidesClient; screenId: string; deckId: string; page: number }) {
  const [next, setNext] = useState<PageTexture | null>(null);
  useEffect(() => {
    let live = true;
    setNext(null);
    // The screen's cache starts the page once the deck is open and the current page is asked for: look
    // until it is there (a few looks at most), then wait for its drawing.
    const look = () => {
      const entry = slides.caches.get(screenId)?.peek(page);
      if (!entry) return false;
      void entry.then((p) => live && setNext(p));
      return true;
    };
    const timer = look() ? undefined : window.setInterval(() => look() && window.clearInterval(timer), LOOK_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [slides, screenId, deckId, page]);
  if (!next) return null;
  const [w, h] = next.aspect >= 1 ? [SIZE, SIZE / next.aspect] : [SIZE * next.aspect, SIZE];
  return <PageImage src={next.texture} width={w} height={h} flexShrink={0} borderRadius={4} />;
}
