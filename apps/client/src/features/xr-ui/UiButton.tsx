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
  fontSize?: number;
}

/**
 * The in-world button: at least 4 cm tall, lit on hover, bright while pressed, a short haptic pulse on
 * the pressing controller. It acts when the trigger is released over the button it went down on (so
 * sliding off cancels), not on the library's `click`, which needs press and release within 300 ms of
 * event time and misses under a slow frame rate.
 */
export function UiButton({ id, label, onPress, tab = "", selected = false, disabled = false, danger = false, width, fontSize = UI.fontSize }: UiButtonProps) {
  const { worldUi, xr } = useSession();
  const ref = useRef<VanillaContainer>(null);
  const down = useRef(false);
  useEffect(() => {
    const object = ref.current;
    if (!object) return;
    worldUi.targets.set(id, { object, label, tab });
    return () => void worldUi.targets.delete(id);
  }, [worldUi, id, label, tab]);

  const base = disabled ? UI.panel : selected ? UI.selected : danger ? UI.danger : UI.button;
  return (
    <Container
      ref={ref}
      height={UI.target}
      width={width}
      flexGrow={width === undefined ? 1 : 0}
      flexShrink={0}
      minWidth={56}
      paddingX={10}
      borderRadius={8}
      alignItems="center"
      justifyContent="center"
      backgroundColor={base}
      hover={disabled ? undefined : { backgroundColor: UI.hover }}
      active={disabled ? undefined : { backgroundColor: UI.active }}
      onPointerDown={() => {
        down.current = !disabled;
      }}
      onPointerEnter={() => {
        worldUi.hoveredTarget = id;
      }}
      onPointerLeave={() => {
        down.current = false;
        if (worldUi.hoveredTarget === id) worldUi.hoveredTarget = null;
      }}
      onPointerUp={() => {
        if (!down.current) return;
        down.current = false;
        pulse(xr.store.getState().session, "right");
        onPress();
      }}
    >
      <Text fontSize={fontSize} color={disabled ? UI.muted : UI.text}>
        {label}
      </Text>
    </Container>
  );
}
