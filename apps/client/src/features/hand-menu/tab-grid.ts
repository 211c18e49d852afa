/**
 * The hand menu's tab grid: fixed cells, so a tab is where it was whatever the language, the labels'
 * lengths or the tab shown (a press aimed at one tab can never land on a neighbour that a re-layout
 * slid under the ray). Sizes are panel pixels (mm), as in xr-ui/ui-theme.ts.
 */
export const TAB_COLUMNS = 4;
export const TAB_GAP = 6;
/** Text inset on each side of a tab's cell. */
export const TAB_INSET = 4;
const TAB_FONT = 13;
const MIN_TAB_FONT = 9;
/**
 * Widest advance of a character, in ems, that a tab label is assumed to average: Liberation Sans
 * (the UI font) averages about 0.5 em on words; 0.58 leaves room for capitals and m/w.
 */
const EM_PER_CHAR = 0.58;

/** Width of one cell for a grid `inner` pixels wide. */
export function tabCellWidth(inner: number, columns = TAB_COLUMNS, gap = TAB_GAP): number {
  return Math.floor((inner - gap * (columns - 1)) / columns);
}

/** Rows of at most `columns` tabs, in order. */
export function tabRows<T>(tabs: readonly T[], columns = TAB_COLUMNS): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < tabs.length; i += columns) rows.push(tabs.slice(i, i + columns));
  return rows;
}

/** The font size that fits `label` on one line in a cell `cell` pixels wide: the usual size, smaller for a long word, never below legible. */
export function tabFontSize(label: string, cell: number): number {
  const room = cell - 2 * TAB_INSET;
  const fit = room / (Math.max(1, [...label].length) * EM_PER_CHAR);
  return Math.max(MIN_TAB_FONT, Math.min(TAB_FONT, Math.floor(fit * 2) / 2));
}
