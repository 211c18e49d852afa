import { drawIcon, type IconName } from "./tag-icons.js";

const cache = new Map<IconName, string>();

/** The same icon the avatars show, as an image URL for HTML buttons (drawn once; no emoji font needed). */
export function iconUrl(name: IconName): string {
  let url = cache.get(name);
  if (!url) {
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 64;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (ctx) drawIcon(ctx, name, 0, 0, 64);
    url = canvas.toDataURL("image/png");
    cache.set(name, url);
  }
  return url;
}
