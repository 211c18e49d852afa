import type { BreakoutPerson, BreakoutPlan } from "./plan.js";
import { splitRandom } from "./plan.js";

/** The part of a prepared plan (see @otc/contract `preparedPlanSchema`) that decides who goes where. */
export interface PreparedGroups {
  how: "random" | "list";
  /** One entry per group; `people` are names or person ids (how: list). */
  groups: readonly { people: readonly string[] }[];
}

/** A prepared plan run on the people present: the groups, and the plan's entries that matched nobody present. */
export interface PreparedAssignment {
  plan: BreakoutPlan;
  /** Entries (as written in the plan) of people not present, skipped. */
  absent: string[];
}

const key = (s: string) => s.trim().toLocaleLowerCase();

/**
 * Runs a prepared plan on the people present. Random: the present people dealt into the plan's
 * groups (`random` injected, seeded by the caller). List: each entry matches a present person by
 * person id, else by name (without case or surrounding spaces), each person once, first entry wins;
 * entries that match nobody are `absent`; present people the plan does not name go, one by one, to
 * the smallest group (the first of equals).
 */
export function assignPrepared(prepared: PreparedGroups, present: readonly BreakoutPerson[], random: () => number): PreparedAssignment {
  const n = Math.max(1, prepared.groups.length);
  if (prepared.how === "random") return { plan: splitRandom(present, n, random), absent: [] };
  const byId = new Map(present.map((p) => [p.personId, p]));
  const byName = new Map<string, BreakoutPerson[]>();
  for (const p of present) byName.set(key(p.name), [...(byName.get(key(p.name)) ?? []), p]);
  const placed = new Set<string>();
  const groups: string[][] = Array.from({ length: n }, () => []);
  const absent: string[] = [];
  prepared.groups.forEach((g, i) => {
    for (const entry of g.people) {
      const exact = byId.get(entry.trim());
      const who = exact && !placed.has(exact.personId) ? exact : byName.get(key(entry))?.find((p) => !placed.has(p.personId));
      if (!who) {
        if (!exact) absent.push(entry.trim());
        continue;
      }
      placed.add(who.personId);
      groups[i]!.push(who.personId);
    }
  });
  for (const p of present) {
    if (placed.has(p.personId)) continue;
    groups.reduce((a, b) => (b.length < a.length ? b : a)).push(p.personId);
  }
  return { plan: { groups, names: Object.fromEntries(present.map((p) => [p.personId, p.name])) }, absent };
}

/**
 * Moves one member (a name or an id) to group `to`, out of every other group; the editor's drag and
 * drop and its "Move to group N" menu both call it. Appended at the end of `to`; an unknown group
 * changes nothing (the same array comes back).
 */
export function moveMember<T>(groups: readonly (readonly T[])[], member: T, to: number): T[][] {
  if (!Number.isInteger(to) || to < 0 || to >= groups.length) return groups.map((g) => [...g]);
  return groups.map((g, i) => {
    const rest = g.filter((m) => m !== member);
    return i === to ? [...rest, member] : rest;
  });
}
