import type { MessageKey } from "@otc/i18n";
import { AVATAR_MODEL_MAX_BYTES, BODY_SHAPES, HAIR_STYLES, SKIN_TONES, type Appearance } from "@otc/contract";
import { defaultAppearance } from "@otc/avatars";
import { Suspense, lazy, useState } from "react";
import { loadAvatarPrefs, saveAvatarPrefs, type AvatarPrefs } from "./appearance-prefs.js";
import { uploadAvatarModel } from "./upload-model.js";
import "./avatars.css";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";

const AvatarPreview = lazy(() => import("./AvatarPreview.js"));
const HAIR_KEY: Record<Appearance["hair"], MessageKey> = {
  none: "avatar.hairStyle.none",
  short: "avatar.hairStyle.short",
  long: "avatar.hairStyle.long",
  bun: "avatar.hairStyle.bun",
  cap: "avatar.hairStyle.cap",
  beanie: "avatar.hairStyle.beanie",
};
const BODY_KEY: Record<Appearance["body"], MessageKey> = { slim: "avatar.bodyShape.slim", regular: "avatar.bodyShape.regular", broad: "avatar.bodyShape.broad" };

/**
 * The avatar part of the join screen: body shape, skin tone, hair or headwear and clothing colour
 * with a live 3D preview, or an uploaded VRM / humanoid GLB. Remembered on this browser; sent to
 * the room on join (avatars/AvatarHud).
 */
export function AvatarCustomiser({ colour }: { colour: string }) {
  const t = useT();
  const [prefs, setPrefs] = useState<AvatarPrefs>(() => loadAvatarPrefs(window.localStorage));
  const [upload, setUpload] = useState<{ text: Wording | string; error: boolean } | null>(null);
  const look = prefs.appearance ?? defaultAppearance(colour);
  const update = (next: AvatarPrefs) => {
    setPrefs(next);
    saveAvatarPrefs(window.localStorage, next);
  };
  const set = <K extends keyof Appearance>(key: K, value: Appearance[K]) => update({ ...prefs, appearance: { ...look, [key]: value } });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > AVATAR_MODEL_MAX_BYTES) return setUpload({ text: { key: "avatar.tooBig", params: { mb: AVATAR_MODEL_MAX_BYTES / 1024 / 1024 } }, error: true });
    setUpload({ text: { key: "avatar.uploading" }, error: false });
    const result = await uploadAvatarModel(file);
    if (!result.ok) return setUpload({ text: result.error, error: true });
    update({ ...prefs, model: { hash: result.value.hash, name: file.name.slice(0, 80) } });
    setUpload({ text: { key: "avatar.usingKind", params: { name: file.name, kind: result.value.kind.toUpperCase() } }, error: false });
  };

  return (
    <fieldset className="field">
      <legend>{t("avatar.legend")}</legend>
      <div className="customiser">
        <div className="preview" role="img" aria-label={t("avatar.preview")}>
          <Suspense fallback={null}>
            <AvatarPreview appearance={look} />
          </Suspense>
        </div>
        <div className="controls">
          <div className="row" role="group" aria-label={t("avatar.bodyGroup")}>
            <span>{t("avatar.body")}</span>
            {BODY_SHAPES.map((b) => (
              <button key={b} type="button" className="choice" aria-pressed={look.body === b} onClick={() => set("body", b)}>
                {t(BODY_KEY[b])}
              </button>
            ))}
          </div>
          <div className="row" role="group" aria-label={t("avatar.skinGroup")}>
            <span>{t("avatar.skin")}</span>
            {SKIN_TONES.map((s) => (
              <button key={s} type="button" className="tone" style={{ background: s }} aria-label={t("avatar.skinTone", { colour: s })} aria-pressed={look.skin === s} onClick={() => set("skin", s)} />
            ))}
          </div>
          <div className="row" role="group" aria-label={t("avatar.hairGroup")}>
            <span>{t("avatar.hair")}</span>
            {HAIR_STYLES.map((h) => (
              <button key={h} type="button" className="choice" aria-pressed={look.hair === h} onClick={() => set("hair", h)}>
                {t(HAIR_KEY[h])}
              </button>
            ))}
            <input type="color" aria-label={t("avatar.hairColour")} value={look.hairColour} onChange={(e) => set("hairColour", e.target.value.toLowerCase())} />
          </div>
          <div className="row">
            <span>{t("avatar.clothing")}</span>
            <input type="color" aria-label={t("avatar.clothingColour")} value={look.clothing} onChange={(e) => set("clothing", e.target.value.toLowerCase())} />
          </div>
          <div className="row">
            <span>{t("avatar.ownModel")}</span>
            <input type="file" aria-label={t("avatar.upload")} accept=".vrm,.glb,model/gltf-binary" onChange={(e) => void onFile(e.target.files?.[0])} />
            {prefs.model && (
              <button type="button" className="choice" onClick={() => (update({ ...prefs, model: null }), setUpload(null))}>
                {t("avatar.useDefault")}
              </button>
            )}
          </div>
          {(upload || prefs.model) && (
            <p className={upload?.error ? "upload error" : "upload"} role="status">
              {upload ? word(t, upload.text) : t("avatar.using", { name: prefs.model!.name })}
            </p>
          )}
        </div>
      </div>
    </fieldset>
  );
}
