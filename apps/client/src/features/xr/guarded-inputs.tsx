import { DefaultXRController, DefaultXRHand } from "@react-three/xr";
import { Component, type ComponentProps, type ComponentType, type ReactNode } from "react";

type ControllerOptions = ComponentProps<typeof DefaultXRController>;
type HandOptions = ComponentProps<typeof DefaultXRHand>;

/**
 * Renders `fallback` in place of `children` once anything under it threw. The library's controller
 * and hand models load a GLB when an input source appears (a hand after the controllers are put down);
 * a fetch that fails (the Wi-Fi drops at that moment) is thrown in render, and with nothing to catch
 * it React unmounted the whole room: a blank page in the headset. Here only the model goes.
 */
class WithoutModelOnError extends Component<{ children: ReactNode; fallback: ReactNode; what: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    console.warn(`${this.props.what} model not shown: ${error instanceof Error ? error.message : String(error)}`);
  }
  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The library's controller with these options; if its model fails to load, the same controller (ray included) without it. */
export function guardedController(options: ControllerOptions): ComponentType {
  return function GuardedController() {
    return (
      <WithoutModelOnError what="controller" fallback={<DefaultXRController {...options} model={false} />}>
        <DefaultXRController {...options} />
      </WithoutModelOnError>
    );
  };
}

/** The library's tracked hand with these options; if its model fails to load, the same hand (ray included) without it. */
export function guardedHand(options: HandOptions): ComponentType {
  return function GuardedHand() {
    return (
      <WithoutModelOnError what="hand" fallback={<DefaultXRHand {...options} model={false} />}>
        <DefaultXRHand {...options} />
      </WithoutModelOnError>
    );
  };
}
