import { describe, expect, it } from "vitest";
import { agendaText, parseAgenda } from "./agenda-text.js";

describe("the agenda as the facilitator types it", () => {
  it("reads 'minutes title' lines, keeps a title without minutes at 0, and writes them back the same way", () => {
    const items = parseAgenda("5 Welcome\n\n  20 Practice in pairs \nWrap-up");
    expect(items).toEqual([{ minutes: 5, title: "Welcome" }, { minutes: 20, title: "Practice in pairs" }, { minutes: 0, title: "Wrap-up" }]);
    expect(parseAgenda(agendaText(items))).toEqual(items);
  });
});
