import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useT } from "../i18n/language-context.js";
import { isTypingTarget } from "../locomotion/keyboard.js";
import { SHORTCUTS, keyCaps, matches, type ShortcutId } from "./shortcuts.js";

/** Chromium's Keyboard Map API: the character each physical key prints on this keyboard (not in every browser, nor in TypeScript's DOM types). */
type LayoutMap = { get(code: string): string | undefined };
const layoutMap = (): Promise<LayoutMap> | undefined => (navigator as Navigator & { keyboard?: { getLayoutMap?(): Promise<LayoutMap> } }).keyboard?.getLayoutMap?.();

/**
 * The "Keyboard shortcuts" button and the list it opens (also with `?`): every shortcut of the room,
 * read from the one list the handlers match against. A modal <dialog>: the room behind is inert,
 * Esc or Close shuts it, and the focus goes back where it was.
 */
export function ShortcutsHelp() {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const [layout, setLayout] = useState<LayoutMap | null>(null);
  const open = useCallback(() => {
    const d = dialog.current;
    if (!d || d.open) return;
    layoutMap()?.then(setLayout, () => undefined); // AZERTY shows Z Q S D where QWERTY shows W A S D
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    d.showModal();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || !matches(e, "help") || isTypingTarget(e.target)) return;
      e.preventDefault();
      open();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  // The close event comes a task after Esc: a key pressed meanwhile may have moved the focus on purpose (B), so only a lost focus goes back.
  const onClose = () => {
    const now = document.activeElement;
    if (!now || now === document.body || dialog.current?.contains(now)) opener.current?.focus();
    opener.current = null;
  };
  return (
    <>
      <button type="button" className="small shortcuts-button" aria-haspopup="dialog" onClick={open}>
        {t("a11y.help.open")} <kbd>?</kbd>
      </button>
      {/* Keys pressed in the list stay in it: the room behind must not walk or mute. */}
      <dialog ref={dialog} className="shortcuts" aria-labelledby={titleId} onClose={onClose} onKeyDown={(e) => e.stopPropagation()}>
        <h2 id={titleId}>{t("a11y.help.title")}</h2>
        <p>{t("a11y.help.intro")}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("a11y.help.key")}</th>
              <th scope="col">{t("a11y.help.action")}</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(SHORTCUTS) as ShortcutId[]).map((id) => {
              const s: { keys: readonly string[]; label: (typeof SHORTCUTS)[ShortcutId]["label"]; who?: "presenter" | "facilitator" } = SHORTCUTS[id];
              return (
                <tr key={id} data-shortcut={id}>
                  <td>
                    {s.keys.map((token, i) => (
                      <span key={token}>
                        {i > 0 && ` ${t("a11y.help.or")} `}
                        {keyCaps(token, (code) => layout?.get(code)).map((cap, j) => (
                          <span key={cap}>
                            {j > 0 && "+"}
                            <kbd>{cap}</kbd>
                          </span>
                        ))}
                      </span>
                    ))}
                  </td>
                  <td>
                    {t(s.label)}
                    {s.who && ` (${t(s.who === "presenter" ? "a11y.help.presenter" : "a11y.help.facilitator")})`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit" autoFocus>
            {t("a11y.help.close")}
          </button>
        </form>
      </dialog>
    </>
  );
}
