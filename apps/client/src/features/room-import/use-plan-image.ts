import type { RoomLayout } from "@otc/contract";
import { useEffect, useState } from "react";

/**
 * The model seen from above for the editor's plan, rendered once per model and room size; null
 * while it renders, for rooms without a model, or when it cannot be drawn (the plan still works).
 */
export function usePlanImage(room: RoomLayout): string | null {
  const [image, setImage] = useState<string | null>(null);
  const model = room.environment?.model ?? null;
  const offset = room.environment?.offset.join(",") ?? "";
  const size = room.size.join(",");
  useEffect(() => {
    let live = true;
    setImage(null);
    if (!model) return;
    // three is loaded only when a plan with a model is opened.
    import("./plan-image.js")
      .then(({ renderPlanImage }) => renderPlanImage(room))
      .then((url) => live && setImage(url), () => live && setImage(null));
    return () => {
      live = false;
    };
  }, [model, offset, size]); // not on every anchor edit: only when what is drawn changes
  return image;
}
