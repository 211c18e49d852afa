import { describe, expect, it } from "vitest";
import { orderPeople, type PersonRow } from "./people-order.js";

const row = (id: string, slot: number, handRaised = false): PersonRow => ({ id, name: id, role: "participant", device: "desktop", connected: true, handRaised, presenter: false, slot });

describe("the people list order", () => {
  it("puts raised hands first, in the server's queue order, then everyone in join order", () => {
    const rows = [row("ada", 0), row("ben", 1, true), row("cy", 2), row("dee", 3, true)];
    expect(orderPeople(rows, ["dee", "ben"]).map((r) => r.id)).toEqual(["dee", "ben", "ada", "cy"]);
  });

  it("a raised hand the queue has not listed yet goes after those it has", () => {
    const rows = [row("ada", 0, true), row("ben", 1, true)];
    expect(orderPeople(rows, ["ben"]).map((r) => r.id)).toEqual(["ben", "ada"]);
  });
});
