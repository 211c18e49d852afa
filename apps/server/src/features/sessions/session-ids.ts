/** A readable, unguessable-enough session id from a title: "Induction week" → "induction-week-k3f9q2". */
export function sessionIdFor(title: string, random: () => number): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/g, "");
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l: ids get read aloud
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += alphabet[Math.floor(random() * alphabet.length)];
  return slug ? `${slug}-${suffix}` : `session-${suffix}`;
}
