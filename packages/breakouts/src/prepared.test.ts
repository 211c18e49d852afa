import { seededRandom } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { assignPrepared, moveMember, type BreakoutPerson } from "./index.js";

const ada = { personId: "id-ada", name: "Ada" };
const ben = { personId: "id-ben", name: "Ben" };
const cyd = { personId: "id-cyd", name: "Cyd" };
const dan = { personId: "id-dan", name: "Dan" };
const names = (plan: { groups: string[][]; names: Record<string, string> }) => plan.groups.map((g) => g.map((id) => plan.names[id]));

describe("a prepared breakout plan run on the people present", () => {
  it("puts named people in their groups by name or person id, skips and lists the absent, and sends the unnamed to the smallest group", () => {
    const present: BreakoutPerson[] = [ada, ben, cyd, dan];
    const out = assignPrepared({ how: "list", groups: [{ people: [" ADA ", "Zoé", "id-ben"] }, { people: ["Yann"] }, { people: [] }] }, present, seededRandom(1));
    expect(names(out.plan)).toEqual([["Ada", "Ben"], ["Cyd"], ["Dan"]]);
    expect(out.absent).toEqual(["Zoé", "Yann"]);
  });

  it("places one person once even when named twice, and keeps two people of the same name apart by id", () => {
    const ada2 = { personId: "id-ada2", name: "ada" };
    const out = assignPrepared({ how: "list", groups: [{ people: ["Ada", "Ada"] }, { people: ["id-ada", "Ada"] }] }, [ada, ada2], seededRandom(1));
    expect(out.plan.groups).toEqual([["id-ada", "id-ada2"], []]);
    expect(out.absent).toEqual(["Ada"]);
  });

  it("deals the present people into the plan's number of groups at random, the same for the same seed", () => {
    const present = [ada, ben, cyd, dan];
    const a = assignPrepared({ how: "random", groups: [{ people: ["ignored"] }, { people: [] }] }, present, seededRandom(5));
    expect(a.plan.groups.map((g) => g.length)).toEqual([2, 2]);
    expect(a.plan.groups.flat().sort()).toEqual(present.map((p) => p.personId).sort());
    expect(a.absent).toEqual([]);
    expect(assignPrepared({ how: "random", groups: [{ people: [] }, { people: [] }] }, present, seededRandom(5)).plan).toEqual(a.plan);
  });
});

describe("moving a member between groups (drag and drop, or the menu)", () => {
  it("takes them out of their group and appends them to the chosen one", () => {
    expect(moveMember([["Ada", "Ben"], ["Cyd"]], "Ada", 1)).toEqual([["Ben"], ["Cyd", "Ada"]]);
    expect(moveMember([["Ada", "Ben"], ["Cyd"]], "Ada", 0)).toEqual([["Ben", "Ada"], ["Cyd"]]);
    expect(moveMember([["Ada"], []], "Eve", 1)).toEqual([["Ada"], ["Eve"]]);
  });
  it("changes nothing for a group that does not exist", () => {
    expect(moveMember([["Ada"], ["Ben"]], "Ada", 2)).toEqual([["Ada"], ["Ben"]]);
    expect(moveMember([["Ada"], ["Ben"]], "Ada", -1)).toEqual([["Ada"], ["Ben"]]);
  });
});
