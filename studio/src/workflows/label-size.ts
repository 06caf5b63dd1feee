/**
 * The box an edge's words need, estimated without a browser so the layout stays a pure function.
 * The label is drawn in exactly this box (11 px text, ellipsis past it), so what the layout keeps apart
 * stays apart on screen even if a font runs wider than guessed.
 */
export const LABEL_FONT_PX = 11;
export const LABEL_HEIGHT = 20;
export const LABEL_MAX_WIDTH = 200;
/** Padding and border of the drawn label, both sides together, plus a little slack for wider fonts. */
const LABEL_FRAME = 18;

export function labelSize(text: string): { width: number; height: number } {
  if (!text) return { width: 0, height: 0 };
  const width = Math.ceil(textWidth(text) + LABEL_FRAME);
  return { width: Math.min(width, LABEL_MAX_WIDTH), height: LABEL_HEIGHT };
}

/** Width of a line at 11 px in em-widths typical of the UI's sans-serif: CJK and symbols full, Latin narrower. */
export function textWidth(text: string): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x2e80 || (code >= 0x2190 && code <= 0x2bff)) em += code >= 0x1f000 ? 1.25 : 1.05;
    else if (ch === ' ') em += 0.3;
    else if (/[A-Z0-9%@#&MW]/.test(ch)) em += 0.68;
    else if (/[iljtf.,:;'|!·()[\]]/.test(ch)) em += 0.34;
    else em += 0.58;
  }
  return em * LABEL_FONT_PX;
}
