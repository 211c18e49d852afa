/**
 * Doors between rooms of one training: the session a facilitator created is the root; a door to
 * another room leads to the root's companion session in that room (`<root>-<room>`, made on first
 * use), and a door to the root's own room leads back to the root. So every door of every room of
 * one training lands in the same few sessions, whoever walks through first.
 */
export function portalTargetId(root: { id: string; room: string }, to: string): string {
  if (to === root.room) return root.id;
  return `${root.id}-${to}`.slice(0, 48).replace(/-+$/, "");
}
