import { SPEAKING_HOLD_MS, nextSpeaking, type SpeakingState } from "@otc/avatars";
import { describe, expect, it } from "vitest";
import { TAG_COLOURS as C } from "../avatars/tag-layout.js";
import { contrastRatio, hexRgb, over, type Rgb } from "./contrast.js";

const AA = 4.5;
/** What may stand behind a see-through name tag: a white wall, a black screen, mid grey, the room's teal. */
const BEHIND: Rgb[] = [[255, 255, 255], [0, 0, 0], [128, 128, 128], hexRgb("#1f6f8b")];

describe("name tags in 3D", () => {
  it("meet WCAG AA (4.5:1) for every text on its pill, whatever is behind the pill", () => {
    const pairs: Array<[string, string, number]> = [
      [C.text, C.pill, C.pillAlpha], // the name
      [C.text, C.dimPill, C.pillAlpha], // the name of someone away or reconnecting
      [C.away, C.dimPill, C.pillAlpha],
      [C.reconnecting, C.dimPill, C.pillAlpha],
      [C.badgeText, C.badge, 1], // the role badge is opaque
    ];
    for (const [text, pill, alpha] of pairs) {
      for (const bg of BEHIND) {
        const ratio = contrastRatio(hexRgb(text), over(hexRgb(pill), alpha, bg));
        expect(ratio, `${text} on ${pill} over rgb(${bg.join(",")})`).toBeGreaterThanOrEqual(AA);
      }
    }
  });

  it("computes the textbook ratios", () => {
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 5);
    expect(contrastRatio(hexRgb("#777777"), [255, 255, 255])).toBeCloseTo(4.48, 2);
  });
});

describe("the speaking ring", () => {
  it("never flashes more than three times a second, whatever the voice level does", () => {
    // Seeded bursts: loud and silent stretches of random lengths (one frame to 0.9 s) for 60 s at 60 Hz.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let state: SpeakingState = { kind: "silent" };
    const onsets: number[] = [];
    let loud = false;
    let until = 0;
    for (let frame = 0; frame < 60 * 60; frame++) {
      const now = (frame * 1000) / 60;
      if (now >= until) [loud, until] = [!loud, now + random() * 900];
      const was = state.kind !== "silent";
      state = nextSpeaking(state, loud ? 0.5 : 0, false, now);
      if (!was && state.kind !== "silent") onsets.push(now);
    }
    expect(onsets.length).toBeGreaterThan(3); // it did come on and go off
    for (let i = 3; i < onsets.length; i++) expect(onsets[i]! - onsets[i - 3]!, "four onsets within one second").toBeGreaterThanOrEqual(1000);
    expect(SPEAKING_HOLD_MS).toBeGreaterThanOrEqual(1000 / 3); // off only after this long a quiet: at most 3 on-off cycles a second
  });
});
