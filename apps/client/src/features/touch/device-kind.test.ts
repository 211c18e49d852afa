import { describe, expect, it } from "vitest";
import { screenDeviceKind } from "./device-kind.js";

describe("screenDeviceKind", () => {
  it("calls a mouse-driven screen a desktop, whatever its size", () => {
    expect(screenDeviceKind(false, 1920, 1080)).toBe("desktop");
    expect(screenDeviceKind(false, 390, 844)).toBe("desktop");
  });

  it("calls a touch screen a phone or a tablet by its shorter side, held either way", () => {
    expect(screenDeviceKind(true, 390, 844)).toBe("phone");
    expect(screenDeviceKind(true, 844, 390)).toBe("phone");
    expect(screenDeviceKind(true, 430, 932)).toBe("phone");
    expect(screenDeviceKind(true, 744, 1133)).toBe("tablet");
    expect(screenDeviceKind(true, 1366, 1024)).toBe("tablet");
  });
});
