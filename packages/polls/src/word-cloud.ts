/** Words too common to say anything in a cloud (EN/FR/ES). */
const STOP_WORDS = new Set(
  "a an and the of to in on for is it be or are was i you we my our its de la le les des du et un une en à au aux est el los las y o que con por para del".split(" "),
);

/**
 * The words of one answer, normalised: NFKC, lower case, accents kept (French and Spanish words
 * differ by them), split on anything that is not a letter, digit, apostrophe or hyphen, stop words
 * and one-letter words dropped, each word once per answer (one person cannot weigh a word twice).
 */
export function answerWords(text: string): string[] {
  const words = text
    .normalize("NFKC")
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ""))
    .filter((w) => Array.from(w).length > 1 && !STOP_WORDS.has(w));
  return [...new Set(words)];
}

/** Word counts over every answer, most frequent first (ties alphabetical), at most `max`. */
export function wordCloud(texts: Iterable<string>, max: number): [string, number][] {
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of answerWords(t)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, max);
}
