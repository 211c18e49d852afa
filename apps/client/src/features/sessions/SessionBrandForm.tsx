import type { SessionBrand } from "@otc/contract";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useLogoUpload } from "../room-import/use-logo-upload.js";
import { consoleApi } from "./console-api.js";
import { errorWording } from "../connection/error-text.js";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";

type Draft = { logoImage: string; logoText: string; primary: string; secondary: string; bannerText: string; usePrimary: boolean; useSecondary: boolean };

const toDraft = (b: SessionBrand): Draft => ({
  logoImage: b.logoImage ?? "",
  logoText: b.logoText ?? "",
  primary: b.primary ?? "#1f6f8b",
  secondary: b.secondary ?? "#edae49",
  bannerText: b.bannerText ?? "",
  usePrimary: b.primary !== undefined,
  useSecondary: b.secondary !== undefined,
});

function toBrand(d: Draft): SessionBrand {
  const out: SessionBrand = {};
  if (d.logoImage) out.logoImage = d.logoImage;
  if (d.logoText.trim()) out.logoText = d.logoText.trim();
  if (d.usePrimary) out.primary = d.primary;
  if (d.useSecondary) out.secondary = d.secondary;
  if (d.bannerText.trim()) out.bannerText = d.bannerText.trim();
  return out;
}

/**
 * This session's brand over its room's: logo picture (PNG/JPEG, uploaded at once), logo text,
 * colours and welcome banner. Empty fields keep the room's own. People in the room see it as soon as it is saved.
 */
export function SessionBrandForm({ sessionId, ended }: { sessionId: string; ended: boolean }) {
  const ids = { file: useId(), text: useId(), primary: useId(), secondary: useId(), banner: useId() };
  const [draft, setDraft] = useState<Draft | null>(null);
  const t = useT();
  const [message, setMessage] = useState<{ ok: boolean; text: Wording | string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Functional: fields typed while the picture uploads are kept.
  const logo = useLogoUpload((logoImage) => setDraft((d) => d && { ...d, logoImage }));
  useEffect(() => {
    consoleApi.brand(sessionId).then((b) => setDraft(toDraft(b)), (e: unknown) => setMessage({ ok: false, text: errorWording(e) }));
  }, [sessionId]);
  if (!draft) return <p className="muted">{message ? word(t, message.text) : t("brand.loading")}</p>;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      setDraft(toDraft(await consoleApi.setBrand(sessionId, toBrand(draft))));
      setMessage({ ok: true, text: { key: "brand.saved" } });
    } catch (err) {
      setMessage({ ok: false, text: errorWording(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="brand-form" onSubmit={(e) => void save(e)} aria-label={t("brand.label")}>
      <h3>{t("brand.title")}</h3>
      <p className="muted">{t("brand.hint")}</p>
      <label htmlFor={ids.file}>{t("brand.logoPicture")}</label>
      <input id={ids.file} type="file" accept="image/png,image/jpeg" disabled={ended || busy || logo.uploading} onChange={(e) => e.currentTarget.files?.[0] && void logo.upload(e.currentTarget.files[0])} />
      {logo.error && <p className="error" role="alert">{word(t, logo.error)}</p>}
      {draft.logoImage && (
        <p className="muted">
          <img src={`/assets/${draft.logoImage}`} alt={t("brand.logoAlt")} height={40} />{" "}
          <button type="button" onClick={() => set({ logoImage: "" })} disabled={ended}>
            {t("brand.removePicture")}
          </button>
        </p>
      )}
      <label htmlFor={ids.text}>{t("brand.logoText")}</label>
      <input id={ids.text} type="text" maxLength={40} value={draft.logoText} disabled={ended} onChange={(e) => set({ logoText: e.currentTarget.value })} />
      <label htmlFor={ids.banner}>{t("brand.banner")}</label>
      <input id={ids.banner} type="text" maxLength={80} value={draft.bannerText} disabled={ended} onChange={(e) => set({ bannerText: e.currentTarget.value })} />
      <div className="colour-row">
        <label>
          <input type="checkbox" checked={draft.usePrimary} disabled={ended} onChange={(e) => set({ usePrimary: e.currentTarget.checked })} /> {t("brand.primary")}
        </label>
        <input id={ids.primary} aria-label={t("brand.primary")} type="color" value={draft.primary} disabled={ended || !draft.usePrimary} onChange={(e) => set({ primary: e.currentTarget.value })} />
        <label>
          <input type="checkbox" checked={draft.useSecondary} disabled={ended} onChange={(e) => set({ useSecondary: e.currentTarget.checked })} /> {t("brand.secondary")}
        </label>
        <input id={ids.secondary} aria-label={t("brand.secondary")} type="color" value={draft.secondary} disabled={ended || !draft.useSecondary} onChange={(e) => set({ secondary: e.currentTarget.value })} />
      </div>
      {message && <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>{word(t, message.text)}</p>}
      <button type="submit" disabled={ended || busy || logo.uploading}>
        {t("brand.save")}
      </button>
    </form>
  );
}
