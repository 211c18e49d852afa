import { SURVEY_TEXT_MAX } from "@otc/contract";
import { describe, expect, it } from "vitest";
import type { KeyboardKey } from "../xr-ui/keyboard-keys.js";
import { typeAnswer } from "./survey-typing.js";

const char = (c: string): KeyboardKey => ({ kind: "char", char: c });
const typeAll = (keys: KeyboardKey[], start = {}) => keys.reduce((a, k) => typeAnswer(a, "improve", k), start as Record<string, number | string>);

describe("a written survey answer typed on the in-world keyboard", () => {
  it("builds the text key by key beside the other answers, and keeps one space between words", () => {
    const answers = typeAll([char("P"), char("l"), char("u"), char("s"), { kind: "space" }, { kind: "space" }, char("d"), char("e")], { overall: 4 });
    expect(answers).toEqual({ overall: 4, improve: "Plus de" });
  });

  it("deletes back to no answer at all (nothing empty is sent)", () => {
    const answers = typeAll([char("o"), char("k"), { kind: "delete" }, { kind: "delete" }, { kind: "delete" }], { overall: 2 });
    expect(answers).toEqual({ overall: 2 });
  });

  it("stops at the survey's length limit", () => {
    const full = { improve: "x".repeat(SURVEY_TEXT_MAX) };
    expect(typeAnswer(full, "improve", char("y"))).toEqual(full);
  });
});
