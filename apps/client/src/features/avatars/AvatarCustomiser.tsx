import { AVATAR_MODEL_MAX_BYTES, BODY_SHAPES, HAIR_STYLES, SKIN_TONES, type Appearance } from "@otc/contract";
import { defaultAppearance } from "@otc/avatars";
import { Suspense, lazy, useState } from "react";
import { loadAvatarPrefs, saveAvatarPrefs, type AvatarPrefs } from "./appearance-prefs.js";
import { uploadAvatarModel } from "./upload-model.js";
import "./avatars.css";

const AvatarPreview = lazy(() => import("./AvatarPreview.js"));
const HAIR_LABEL: Record<Appearance["hair"], string> = { none: "None", short: "Short", long: "Long", bun: "Bun", cap: "Cap", beanie: "Beanie" };

/**
 * The avatar part of the join screen: body shape, skin tone, hair or headwear and clothing colour
 * with a live 3D preview, or an uploaded VRM / humanoid GLB. Remembered on this browser; sent to
 * the room on join (avatars/AvatarHud).
 */
export function AvatarCustomiser({ colour }: { colour: string }) {
  const [prefs, setPrefs] = useState<AvatarPrefs>(() => loadAvatarPrefs(window.localStorage));
  const [upload, setUpload] = useState<{ text: string; error: boolean } | null>(null);
  const look = prefs.appearance ?? defaultAppearance(colour);
  const update = (next: AvatarPrefs) => {
    setPrefs(next);
    saveAvatarPrefs(window.localStorage, next);
  };
  const set = <K extends keyof Appearance>(key: K, value: Appearance[K]) => update({ ...prefs, appearance: { ...look, [key]: value } });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > AVATAR_MODEL_MAX_BYTES) return setUpload({ text: `That file is over ${AVATAR_MODEL_MAX_BYTES / 1024 / 1024} MB.`, error: true });
    setUpload({ text: "Uploading…", error: false });
    const result = await uploadAvatarModel(file);
    if (!result.ok) return setUpload({ text: result.error, error: true });
    update({ ...prefs, model: { hash: result.value.hash, name: file.name.slice(0, 80) } });
    setUpload({ text: `Using ${file.name} (${result.value.kind.toUpperCase()}).`, error: false });
  };

  return (
    <fieldset className="field">
      <legend>Avatar</legend>
      <div className="customiser">
        <div className="preview" aria-label="Avatar preview">
          <Suspense fallback={null}>
            <AvatarPreview appearance={look} />
          </Suspense>
        </div>
        <div className="controls">
          <div className="row" role="group" aria-label="Body shape">
            <span>Body</span>
            {BODY_SHAPES.map((b) => (
              <button key={b} type="button" className="choice" aria-pressed={look.body === b} onClick={() => set("body", b)}>
                {b[0]!.toUpperCase() + b.slice(1)}
              </button>
            ))}
          </div>
          <div className="row" role="group" aria-label="Skin tone">
            <span>Skin</span>
            {SKIN_TONES.map((s) => (
              <button key={s} type="button" className="tone" style={{ background: s }} aria-label={`Skin tone ${s}`} aria-pressed={look.skin === s} onClick={() => set("skin", s)} />
            ))}
          </div>
          <div className="row" role="group" aria-label="Hair or headwear">
            <span>Hair / headwear</span>
            {HAIR_STYLES.map((h) => (
              <button key={h} type="button" className="choice" aria-pressed={look.hair === h} onClick={() => set("hair", h)}>
                {HAIR_LABEL[h]}
              </button>
            ))}
            <input type="color" aria-label="Hair colour" value={look.hairColour} onChange={(e) => set("hairColour", e.target.value.toLowerCase())} />
          </div>
          <div className="row">
            <span>Clothing</span>
            <input type="color" aria-label="Clothing colour" value={look.clothing} onChange={(e) => set("clothing", e.target.value.toLowerCase())} />
          </div>
          <div className="row">
            <span>Or your own model (VRM / GLB)</span>
            <input type="file" aria-label="Upload avatar model" accept=".vrm,.glb,model/gltf-binary" onChange={(e) => void onFile(e.target.files?.[0])} />
            {prefs.model && (
              <button type="button" className="choice" onClick={() => (update({ ...prefs, model: null }), setUpload(null))}>
                Use the default avatar
              </button>
            )}
          </div>
          {(upload || prefs.model) && (
            <p className={upload?.error ? "upload error" : "upload"} role="status">
              {upload?.text ?? `Using ${prefs.model!.name}.`}
            </p>
          )}
        </div>
      </div>
    </fieldset>
  );
}
