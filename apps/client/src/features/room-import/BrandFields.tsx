import type { BrandKit, RoomLayout } from "@otc/contract";
import { useId, type Dispatch } from "react";
import type { EditorAction } from "./editor-state.js";
import { useT } from "../i18n/language-context.js";
import { word } from "../i18n/wording.js";
import { useLogoUpload } from "./use-logo-upload.js";

/**
 * The room's logo (picture or text, size, height; place it with the Logo tool) and brand colours.
 * A picture is uploaded at once (PNG or JPEG) and named in the room file's brand kit.
 */
export function BrandFields({ room, dispatch }: { room: RoomLayout; dispatch: Dispatch<EditorAction> }) {
  const t = useT();
  const ids = { file: useId(), text: useId(), size: useId(), y: useId(), primary: useId(), secondary: useId() };
  const brand: BrandKit = room.brand ?? { primary: room.palette.accent, secondary: "#ffffff" };
  const setBrand = (patch: Partial<BrandKit>) => dispatch({ type: "brand", brand: { ...brand, ...patch } });
  const { uploading: busy, error, upload } = useLogoUpload((logoImage) => setBrand({ logoImage }));
  const number = (v: number, f: (n: number) => void) => Number.isFinite(v) && v > 0 && f(v);
  return (
    <fieldset className="brand-fields">
      <legend>{t("rooms.brand.legend")}</legend>
      {error && <p className="error" role="alert">{word(t, error)}</p>}
      <div className="row wrap">
        <div>
          <label htmlFor={ids.file}>{t("rooms.brand.picture")}</label>
          <input id={ids.file} type="file" accept="image/png,image/jpeg" disabled={busy} onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
          {brand.logoImage && (
            <button type="button" onClick={() => dispatch({ type: "brand", brand: { primary: brand.primary, secondary: brand.secondary } })}>
              {t("rooms.brand.useText")}
            </button>
          )}
        </div>
        <div>
          <label htmlFor={ids.text}>{t("rooms.brand.text")}</label>
          <input id={ids.text} type="text" maxLength={40} value={room.logo.text} onChange={(e) => dispatch({ type: "logo", text: e.target.value })} />
        </div>
        <div>
          <label htmlFor={ids.size}>{t("rooms.brand.size")}</label>
          <input id={ids.size} type="number" step={0.1} min={0.2} value={room.logo.size} onChange={(e) => number(e.target.valueAsNumber, (size) => dispatch({ type: "logo", size }))} />
        </div>
        <div>
          <label htmlFor={ids.y}>{t("rooms.brand.y")}</label>
          <input id={ids.y} type="number" step={0.1} min={0.2} value={room.logo.position[1]} onChange={(e) => number(e.target.valueAsNumber, (y) => dispatch({ type: "logo", y }))} />
        </div>
        <div>
          <label htmlFor={ids.primary}>{t("rooms.brand.primary")}</label>
          <input id={ids.primary} type="color" value={brand.primary} onChange={(e) => setBrand({ primary: e.target.value })} />
        </div>
        <div>
          <label htmlFor={ids.secondary}>{t("rooms.brand.secondary")}</label>
          <input id={ids.secondary} type="color" value={brand.secondary} onChange={(e) => setBrand({ secondary: e.target.value })} />
        </div>
      </div>
    </fieldset>
  );
}
