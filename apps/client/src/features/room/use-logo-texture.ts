import type { RoomLayout } from "@otc/contract";
import { useEffect, useState } from "react";
import { SRGBColorSpace, TextureLoader, type Texture } from "three";
import { logoTexture } from "./room-textures.js";

/**
 * The brand panel's picture: the brand kit's `logoImage` (served from our own /assets) once it has
 * loaded, the drawn text logo meanwhile and whenever the image is missing or broken.
 */
export function useLogoTexture(layout: RoomLayout): Texture {
  const { text } = layout.logo;
  const accent = layout.palette.accent;
  const image = layout.brand?.logoImage;
  const [drawn, setDrawn] = useState(() => logoTexture(text, accent));
  const [loaded, setLoaded] = useState<Texture | null>(null);

  useEffect(() => {
    const t = logoTexture(text, accent);
    setDrawn(t);
    return () => t.dispose();
  }, [text, accent]);

  useEffect(() => {
    setLoaded(null);
    if (!image) return;
    let live = true;
    let texture: Texture | null = null;
    new TextureLoader().load(
      `/assets/${image}`,
      (t) => {
        t.colorSpace = SRGBColorSpace;
        texture = t;
        if (live) setLoaded(t);
        else t.dispose();
      },
      undefined,
      () => console.warn(`brand logo /assets/${image} could not be loaded: showing the text logo`),
    );
    return () => {
      live = false;
      texture?.dispose();
    };
  }, [image]);

  return loaded ?? drawn;
}
