import { Container, Text, type VanillaContainer } from "@react-three/uikit";
import { useEffect, useRef } from "react";
import { useSession } from "../../session-context.js";
import { pulse } from "./haptics.js";
import { UI } from "./ui-theme.js";

export interface UiButtonProps {
  /** Stable id (test hooks, React key). */
  id: string;
  label: string;
  onPress(): void;
  /** The menu tab this button sits in ("" outside the menu's tab content). */
  tab?: string;
  selected?: boolean;
  disabled?: boolean;
  danger?: boolean;
  /** Panel pixels (mm); grows to fill the row when omitted. */
  width?: number;
  /** Text inset on each side, panel pixels. */
  paddingX?: number;
  fontSize?: number;
  /** A colour swatch: the button is filled with this colour and shows no text (its label stays for hooks); chosen = a bright ring. */
  swatch?: string;
}

/**
 * The in-world button: at least 4 cm tall, lit on hover, bright while pressed, a short haptic pulse on
 * the pressing controller. It acts when the trigger is released over the button it went down on (so
 * sliding off cancels), not on the library's `click`, which needs press and release within 300 ms of
 * event time and misses under a slow frame rate.
 */
export function UiButton({ id, label, onPress, tab = "", selected = false, disabled = false, danger = false, width, paddingX = 10, fontSize = UI.fontSize, swatch }: UiButtonProps) {
  const { worldUi, xr } = useSession();
  const ref = useRef<VanillaContainer>(null);
  const down = useRef(false);
  useEffect(() => {
    const object = ref.current;
    if (!object) return;
    worldUi.targets.set(id, { object, label, tab });
    return () => {
      worldUi.targets.delete(id);
      if (worldUi.pressedTarget === id) worldUi.pressedTarget = null;
    };
  }, [worldUi, id, label, tab]);

  const base = swatch ?? (disabled ? UI.panel : selected ? UI.selected : danger ? UI.danger : UI.button);
  // A swatch keeps its colour on hover (the colour is the information); the ring shows hover and choice,
  // and outlines the black swatch on the dark panel.
  const ring = swatch ? { borderWidth: selected ? 4 : 2, borderColor: selected ? UI.active : UI.muted } : {};
  return (
    <Container
      ref={ref}
      height={UI.target}
      width={width}
      flexGrow={width === undefined ? 1 : 0}
      flexShrink={0}
      minWidth={Math.min(56, width ?? 56)}
      paddingX={paddingX}
      borderRadius={8}
      alignItems="center"
      justifyContent="center"
      backgroundColor={base}
      {...ring}
      // Left out, not undefined, when disabled: uikit reads a present-but-undefined hover/active with
      // Object.entries and throws, which took the whole VR page down when a button became disabled.
      {...(disabled ? {} : { hover: swatch ? { borderColor: UI.hover, borderWidth: 4 } : { backgroundColor: UI.hover }, active: swatch ? { borderColor: UI.text } : { backgroundColor: UI.active } })}
      onPointerDown={() => {
        down.current = !disabled;
        if (down.current) worldUi.pressedTarget = id;
      }}
      onPointerEnter={() => {
        worldUi.hoveredTarget = id;
      }}
      onPointerLeave={() => {
        down.current = false;
        if (worldUi.hoveredTarget === id) worldUi.hoveredTarget = null;
        if (worldUi.pressedTarget === id) worldUi.pressedTarget = null;
      }}
      onPointerUp={() => {
        if (worldUi.pressedTarget === id) worldUi.pressedTarget = null;
        if (!down.current) return;
        down.current = false;
        pulse(xr.store.getState().session, "right");
        onPress();
      }}
    >
      {!swatch && (
        <Text fontSize={fontSize} color={disabled ? UI.muted : UI.text} pointerEvents="none">
          {label}
        </Text>
      )}
    </Container>
  );
}
