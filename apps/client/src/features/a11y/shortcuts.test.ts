import { pageKey } from "@otc/slides";
import { describe, expect, it } from "vitest";
import { SHORTCUTS, keyCaps, matches, type KeyPress } from "./shortcuts.js";

const press = (code: string, key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ code, key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe("keyboard shortcuts", () => {
  it("walk by key position (W on QWERTY, Z on AZERTY: both KeyW) and name mnemonics by letter", () => {
    expect(matches(press("KeyW", "z"), "forward")).toBe(true); // AZERTY's Z sits where QWERTY's W does
    expect(matches(press("ArrowUp", "ArrowUp"), "forward")).toBe(true);
    expect(matches(press("Semicolon", "m"), "mute")).toBe(true); // AZERTY's M
    expect(matches(press("KeyM", ","), "mute")).toBe(false);
    expect(matches(press("Slash", "?", { shiftKey: true }), "help")).toBe(true);
  });

  it("leave presses with Ctrl, Alt or Cmd to the browser, except the Ctrl shortcuts", () => {
    expect(matches(press("KeyH", "h", { ctrlKey: true }), "hand")).toBe(false);
    expect(matches(press("KeyZ", "z", { ctrlKey: true }), "undo")).toBe(true);
    expect(matches(press("KeyZ", "Z", { ctrlKey: true, shiftKey: true }), "undo")).toBe(false);
    expect(matches(press("KeyZ", "Z", { metaKey: true, shiftKey: true }), "redo")).toBe(true);
    expect(matches(press("KeyY", "y", { ctrlKey: true }), "redo")).toBe(true);
  });

  it("list the slide keys the slide controls really page with", () => {
    expect(SHORTCUTS.slideNext.keys.map((k: string) => pageKey(k))).toEqual(["next"]);
    expect(SHORTCUTS.slidePrev.keys.map((k: string) => pageKey(k))).toEqual(["prev"]);
  });

  it("print keys as their caps", () => {
    expect(keyCaps("KeyW")).toEqual(["W"]);
    expect(keyCaps("ArrowLeft")).toEqual(["←"]);
    expect(keyCaps("Ctrl+Shift+z")).toEqual(["Ctrl", "Shift", "Z"]);
    expect(keyCaps("?")).toEqual(["?"]);
    const azerty = new Map([["KeyW", "z"], ["KeyQ", "a"]]);
    expect(keyCaps("KeyW", (code) => azerty.get(code))).toEqual(["Z"]); // the letter on this keyboard's key
    expect(keyCaps("ArrowUp", (code) => azerty.get(code))).toEqual(["↑"]);
  });
});
