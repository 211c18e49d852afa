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

/** `Input` (the library's default controller or hand) with these options; if its model fails to load, the same input, ray included, without it. */
function guarded<O extends { model?: unknown }>(Input: ComponentType<O>, what: string, options: O): ComponentType {
  return function GuardedInput() {
    return (
      <WithoutModelOnError what={what} fallback={<Input {...options} model={false} />}>
        <Input {...options} />
      </WithoutModelOnError>
    );
  };
}

export const guardedController = (options: ControllerOptions): ComponentType => guarded(DefaultXRController, "controller", options);
export const guardedHand = (options: HandOptions): ComponentType => guarded(DefaultXRHand, "hand", options);
