import type { Issue } from '../errors.js';
import type { EntityDefinition } from './entity.js';

/** The levels of China's regions a text field can be picked from (`x-ui.widget`), and the level each sits under. */
const ABOVE: Record<string, string | undefined> = { province: undefined, city: 'province', district: 'city' };
const TITLES: Record<string, { en: string; zh: string }> = {
  province: { en: 'province', zh: '省份' },
  city: { en: 'city', zh: '城市' },
  district: { en: 'district', zh: '区县' },
};

/**
 * A region widget (`x-ui.widget`: province, city, district) belongs on a text field, at most one field per
 * level, and a city or district needs the level above it on the same entity: the form offers a province's
 * cities and a city's districts.
 */
export function checkRegionFields(entity: EntityDefinition): Issue[] {
  const marked = Object.entries(entity.properties).filter(([, field]) => {
    const widget = field['x-ui']?.widget;
    return widget !== undefined && widget in ABOVE;
  });
  const levels = new Set(marked.map(([, field]) => field['x-ui']!.widget!));
  const seen = new Set<string>();
  return marked.flatMap(([name, field]): Issue[] => {
    const level = field['x-ui']!.widget!;
    const pointer = `/properties/${name}/x-ui/widget`;
    const issue = (keyword: string, text: { en: string; zh: string }): Issue[] => [
      { pointer, keyword, message: text.en, i18n: text },
    ];
    if (field.type !== 'string' || field.format !== undefined || field.enum !== undefined)
      return issue('fieldKind', {
        en: `"${name}" picks a ${TITLES[level]!.en} from a list, so it must be a plain text field`,
        zh: `字段“${name}”从列表中选择${TITLES[level]!.zh}，必须是普通文本字段`,
      });
    if (seen.has(level))
      return issue('duplicateRegion', {
        en: `only one field of this entity can be its ${TITLES[level]!.en}`,
        zh: `每个对象只能有一个${TITLES[level]!.zh}字段`,
      });
    seen.add(level);
    const above = ABOVE[level];
    if (above && !levels.has(above))
      return issue('missingRegion', {
        en: `"${name}" lists the ${TITLES[level]!.en}s of a ${TITLES[above]!.en}: mark another field as the ${TITLES[above]!.en}`,
        zh: `字段“${name}”按${TITLES[above]!.zh}列出${TITLES[level]!.zh}，请先把另一个字段设为${TITLES[above]!.zh}`,
      });
    return [];
  });
}
