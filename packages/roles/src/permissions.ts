import type { PrivilegedAction, Role } from "@otc/contract";

const GRANTS: Record<Role, ReadonlySet<PrivilegedAction>> = {
  facilitator: new Set<PrivilegedAction>(["set-role", "moderate", "present", "board-clear", "board-template"]),
  // A co-facilitator runs the room but cannot hand out or take away roles.
  "co-facilitator": new Set<PrivilegedAction>(["moderate", "present", "board-clear", "board-template"]),
  participant: new Set<PrivilegedAction>(),
};

/** Whether a person holding `role` may perform `action`. Unknown roles may do nothing. */
export function can(role: string, action: PrivilegedAction): boolean {
  return (GRANTS as Record<string, ReadonlySet<PrivilegedAction> | undefined>)[role]?.has(action) ?? false;
}
