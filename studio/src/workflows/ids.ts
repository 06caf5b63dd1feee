import { pinyin } from 'pinyin-pro';

/*
 * Ids derived from titles, so an admin never invents one: Chinese is read as toneless pinyin, other
 * letters and digits are kept. States are camelCase (待审批 → daiShenPi), events UPPER_SNAKE (DAI_SHEN_PI).
 */

/** The title's words: a syllable per Chinese character, runs of latin letters and digits as they are. */
export function titleWords(title: string): string[] {
  const parts = pinyin(title.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return parts
    .flatMap((part) =>
      part
        .normalize('NFKD')
        .replace(/ü/g, 'v')
        .split(/[^A-Za-z0-9]+/),
    )
    .filter(Boolean)
    .flatMap((word) => word.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' '));
}

function unique(base: string, taken: Iterable<string>, max: number): string {
  const used = new Set(taken);
  const stem = base.slice(0, max - 3);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${stem}${n}`)) return `${stem}${n}`;
}

/** 待审批 → daiShenPi, `Pilot run` → pilotRun; unique among `taken`; a title with no letters gives `stage`, `stage2`…. */
export function stateIdFrom(title: string, taken: Iterable<string>, fallback = 'stage'): string {
  const words = titleWords(title);
  let base = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('')
    .slice(0, 63);
  if (!/^[a-zA-Z]/.test(base)) base = `${fallback}${base}`.slice(0, 63);
  return unique(base, taken, 63);
}

/** 待审批 → DAI_SHEN_PI; unique among `taken`; a title with no letters gives EVENT, EVENT_2…. */
export function eventIdFrom(title: string, taken: Iterable<string>, fallback = 'EVENT'): string {
  let base = titleWords(title)
    .map((w) => w.toUpperCase())
    .join('_')
    .slice(0, 63);
  if (!/^[A-Z]/.test(base)) base = base ? `${fallback}_${base}`.slice(0, 63) : fallback;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base.slice(0, 58)}_${n}`)) return `${base.slice(0, 58)}_${n}`;
}

/** A workflow id: lower-case words joined by dashes (新客户跟进 → xin-ke-hu-gen-jin), unique among `taken`. */
export function workflowIdFrom(title: string, taken: Iterable<string>): string {
  let base = titleWords(title)
    .map((w) => w.toLowerCase())
    .join('-')
    .slice(0, 60);
  if (!/^[a-z]/.test(base)) base = base ? `workflow-${base}` : 'workflow';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The longest entity, field or role id the engine accepts (core's IDENTIFIER_PATTERN). */
const IDENTIFIER_MAX = 48;

/**
 * An entity's, field's or role's id from its title, camelCase as states' (区域经理 → quYuJingLi), at most 48
 * characters, unique among `taken` (quYuJingLi2…); a title with no letters gives the fallback (`field`, `field2`…).
 */
export function identifierFrom(title: string, taken: Iterable<string>, fallback: string): string {
  const base = stateIdFrom(title, [], fallback).slice(0, IDENTIFIER_MAX);
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base.slice(0, IDENTIFIER_MAX - String(n).length)}${n}`;
    if (!used.has(id)) return id;
  }
}
