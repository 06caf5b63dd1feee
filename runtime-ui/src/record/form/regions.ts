/**
 * China's provinces, cities and districts (中国省市区) from @vant/area-data, by name: a province's cities share
 * the first two digits of its code, a city's districts the first four. Pure over the data; the data itself is
 * loaded on first use (`loadRegions`), so forms without a region field never download it.
 */
export interface RegionData {
  province_list: Record<string, string>;
  city_list: Record<string, string>;
  county_list: Record<string, string>;
}

/** The region levels a text field can pick from (`x-ui.widget`), each under the one before it. */
export const REGION_LEVELS = ['province', 'city', 'district'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export function isRegionLevel(value: unknown): value is RegionLevel {
  return (REGION_LEVELS as readonly unknown[]).includes(value);
}

let loading: Promise<RegionData> | undefined;

export function loadRegions(): Promise<RegionData> {
  loading ??= import('@vant/area-data').then((module) => module.areaList);
  return loading;
}

const codeOf = (list: Record<string, string>, name: unknown, prefix = '') =>
  Object.keys(list).find((code) => code.startsWith(prefix) && list[code] === name);

/**
 * The names to choose from at `level`, under the chosen province (and city): every province; a province's
 * cities (a municipality such as 北京市 has one city of its own name); a city's districts. Empty while the
 * level above is not chosen or not known.
 */
export function regionChoices(
  data: RegionData,
  level: RegionLevel,
  above: { province?: unknown; city?: unknown },
): string[] {
  if (level === 'province') return Object.values(data.province_list);
  const province = codeOf(data.province_list, above.province);
  if (!province) return [];
  if (level === 'city')
    return Object.entries(data.city_list)
      .filter(([code]) => code.startsWith(province.slice(0, 2)))
      .map(([, name]) => name);
  const city = codeOf(data.city_list, above.city, province.slice(0, 2));
  if (!city) return [];
  return Object.entries(data.county_list)
    .filter(([code]) => code.startsWith(city.slice(0, 4)))
    .map(([, name]) => name);
}
