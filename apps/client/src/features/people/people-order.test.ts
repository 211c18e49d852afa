import { describe, expect, it } from "vitest";
import { orderPeople, trackRaisedHands, type PersonRow } from "./people-order.js";

const row = (id: string, slot: number, handRaised = false): PersonRow => ({ id, name: id, role: "participant", device: "desktop", connected: true, handRaised, presenter: false, slot });

describe("the VR people list order", () => {
  it("puts raised hands first, in the order they went up, then everyone in join order", () => {
    const raisedAt = new Map<string, number>();
    let rows = [row("ada", 0), row("ben", 1, true), row("cy", 2), row("dee", 3)];
    trackRaisedHands(rows, raisedAt, 100);
    rows = [row("ada", 0), row("ben", 1, true), row("cy", 2), row("dee", 3, true)];
    trackRaisedHands(rows, raisedAt, 200);
    expect(orderPeople(rows, raisedAt).map((r) => r.id)).toEqual(["ben", "dee", "ada", "cy"]);
  });

  it("a hand lowered and raised again goes to the back of the queue", () => {
    const raisedAt = new Map<string, number>();
    trackRaisedHands([row("ada", 0, true), row("ben", 1, true)], raisedAt, 1);
    trackRaisedHands([row("ada", 0), row("ben", 1, true)], raisedAt, 2);
    const rows = [row("ada", 0, true), row("ben", 1, true)];
    trackRaisedHands(rows, raisedAt, 3);
    expect(orderPeople(rows, raisedAt).map((r) => r.id)).toEqual(["ben", "ada"]);
  });
});
