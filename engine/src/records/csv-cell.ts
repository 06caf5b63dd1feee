/** First characters a spreadsheet reads as the start of a formula (OWASP CSV injection), tab and CR included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will show as text: one that would start a formula gets a leading `'`
 * (OWASP's advice), so `=HYPERLINK(…)` in a customer's name is never evaluated when the export is opened.
 * Only text is neutralised: a number (a negative amount included) stays a number.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
