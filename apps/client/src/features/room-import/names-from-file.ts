/** "Office 3rd floor.glb" → id "office-3rd-floor", name "Office 3rd floor". */
export function namesFromFile(fileName: string): { id: string; name: string } {
  const base = fileName.replace(/\.[^.]*$/, "").replace(/[_]+/g, " ").trim() || "Imported room";
  const id = base.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "imported-room";
  return { id, name: base.slice(0, 60) };
}
