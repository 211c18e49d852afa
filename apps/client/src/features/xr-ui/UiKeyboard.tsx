import { Container } from "@react-three/uikit";
import { useMemo, useState } from "react";
import { useLanguage } from "../i18n/language-context.js";
import { keyboardRows, keyId, type KeyboardKey } from "./keyboard-keys.js";
import { UiButton } from "./UiButton.js";

const KEY_W = 28; // mm: ten keys and their gaps fill the hand menu's 300 mm content width
const WIDE_W = 46; // mm: shift and delete
const SPACE_W = 150; // mm
const GAP = 2; // mm

export interface UiKeyboardProps {
  /** The menu tab it sits in (its keys' hook ids are `key:<char>`, `key:space`, …). */
  tab: string;
  /** One key pressed: the caller applies it to its text (`applyKey`), so no press is lost between renders. */
  onKey(key: KeyboardKey): void;
  /** The button at the end of the space row (Send). */
  submit: { label: string; disabled: boolean; onPress(): void };
}

/**
 * An on-screen keyboard for the hand menu, laid out for the page's language (AZERTY in French, a
 * row of accents per language), pressed with the controller ray or a pinch like every other button.
 * Shift capitalises the next character only, as phones do.
 */
export function UiKeyboard({ tab, onKey, submit }: UiKeyboardProps) {
  const { language, t } = useLanguage();
  const [shifted, setShifted] = useState(false);
  const rows = useMemo(() => keyboardRows(language, shifted), [language, shifted]);
  const press = (key: KeyboardKey) => {
    if (key.kind === "shift") return setShifted((s) => !s);
    onKey(key);
    if (key.kind === "char") setShifted(false);
  };
  const labelOf = (key: KeyboardKey) => (key.kind === "char" ? key.char : key.kind === "space" ? t("keyboard.space") : key.kind === "shift" ? t("keyboard.shift") : t("keyboard.delete"));
  return (
    <Container flexDirection="column" gap={GAP}>
      {rows.map((row, i) => (
        <Container key={i} flexDirection="row" gap={GAP} justifyContent="center">
          {row.map((key) => (
            <UiButton
              key={keyId(key)}
              id={keyId(key)}
              tab={tab}
              paddingX={2}
              width={key.kind === "char" ? KEY_W : key.kind === "space" ? SPACE_W : WIDE_W}
              fontSize={key.kind === "char" ? 15 : 11}
              label={labelOf(key)}
              selected={key.kind === "shift" && shifted}
              onPress={() => press(key)}
            />
          ))}
          {i === rows.length - 1 && <UiButton id="key:send" tab={tab} paddingX={2} width={WIDE_W * 2} label={submit.label} disabled={submit.disabled} onPress={submit.onPress} />}
        </Container>
      ))}
    </Container>
  );
}
