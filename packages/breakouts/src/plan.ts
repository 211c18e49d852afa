/** Most groups one breakout may have. */
export const BREAKOUT_GROUPS_MAX = 20;

/** Someone who may be sent to a group (a person id of the room's roster and the name shown). */
export interface BreakoutPerson {
  personId: string;
  name: string;
}

/**
 * A breakout plan: who goes to which group. `groups[i]` lists person ids of group i; a person is in
 * at most one group. `names` keeps the names people had when planned (the panel shows them).
 */
export interface BreakoutPlan {
  groups: string[][];
  names: Record<string, string>;
}

const namesOf = (people: readonly BreakoutPerson[]) => Object.fromEntries(people.map((p) => [p.personId, p.name]));
const clampGroups = (n: number) => Math.max(1, Math.min(BREAKOUT_GROUPS_MAX, Math.floor(n)));

/** Deals people into `n` groups round robin, so group sizes differ by one at most. */
function deal(ids: readonly string[], n: number): string[][] {
  const groups: string[][] = Array.from({ length: clampGroups(n) }, () => []);
  ids.forEach((id, i) => groups[i % groups.length]!.push(id));
  return groups;
}

/** Splits people into `n` groups at random (`random` is seeded by the caller: same seed, same split). */
export function splitRandom(people: readonly BreakoutPerson[], n: number, random: () => number): BreakoutPlan {
  const ids = people.map((p) => p.personId);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return { groups: deal(ids, n), names: namesOf(people) };
}

/**
 * Splits people by a prepared list (names, compared without case or surrounding spaces, per group):
 * people on the list go to their group; everyone else fills the smallest groups in turn.
 */
export function splitByList(people: readonly BreakoutPerson[], list: readonly (readonly string[])[]): BreakoutPlan {
  const key = (name: string) => name.trim().toLocaleLowerCase();
  const groupOf = new Map<string, number>();
  list.forEach((names, g) => names.forEach((name) => groupOf.has(key(name)) || groupOf.set(key(name), g)));
  const groups: string[][] = Array.from({ length: clampGroups(list.length) }, () => []);
  const rest: string[] = [];
  for (const p of people) {
    const g = groupOf.get(key(p.name));
    if (g === undefined || g >= groups.length) rest.push(p.personId);
    else groups[g]!.push(p.personId);
  }
  for (const id of rest) smallest(groups).push(id);
  return { groups, names: namesOf(people) };
}

function smallest(groups: string[][]): string[] {
  return groups.reduce((a, b) => (b.length < a.length ? b : a));
}

/** Moves one person to group `to` (out of any other); unknown groups change nothing. */
export function movePerson(plan: BreakoutPlan, person: BreakoutPerson, to: number): BreakoutPlan {
  if (!Number.isInteger(to) || to < 0 || to >= plan.groups.length) return plan;
  const groups = plan.groups.map((g, i) => (i === to ? [...g.filter((id) => id !== person.personId), person.personId] : g.filter((id) => id !== person.personId)));
  return { groups, names: { ...plan.names, [person.personId]: person.name } };
}

/** Takes a person out of every group (they stay in the main room). */
export function leaveOut(plan: BreakoutPlan, personId: string): BreakoutPlan {
  return { ...plan, groups: plan.groups.map((g) => g.filter((id) => id !== personId)) };
}

/** The group a person is in, or -1. */
export function groupOf(plan: Pick<BreakoutPlan, "groups">, personId: string): number {
  return plan.groups.findIndex((g) => g.includes(personId));
}
