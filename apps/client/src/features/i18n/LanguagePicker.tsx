import { AUTONYMS, UI_LANGUAGES } from "@otc/i18n";
import { useId } from "react";
import { useLanguage } from "./language-context.js";

/** Each language named in itself ("Français"), so a person finds theirs whatever is shown now. */
export function autonym(language: string): string {
  return AUTONYMS[language] ?? language;
}

/** The language menu of the join screen and the desktop HUD; the choice is remembered. */
export function LanguagePicker({ className }: { className?: string }) {
  const { language, t, choose } = useLanguage();
  const id = useId();
  return (
    <div className={className ?? "field language-picker"}>
      <label htmlFor={id}>{t("language.label")}</label>
      <select id={id} value={language} onChange={(e) => choose(e.target.value)}>
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {autonym(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
