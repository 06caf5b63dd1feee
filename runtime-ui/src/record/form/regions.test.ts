import { describe, expect, it } from 'vitest';
import { loadRegions, regionChoices } from './regions';

describe('regionChoices', () => {
  it('lists provinces, a province’s cities and a city’s districts by name', async () => {
    const data = await loadRegions();
    const provinces = regionChoices(data, 'province', {});
    expect(provinces).toContain('浙江省');
    expect(provinces).toHaveLength(34);
    expect(regionChoices(data, 'city', { province: '浙江省' })).toEqual(
      expect.arrayContaining(['杭州市', '宁波市', '温州市']),
    );
    expect(regionChoices(data, 'city', { province: '浙江省' })).not.toContain('苏州市');
    expect(regionChoices(data, 'district', { province: '浙江省', city: '杭州市' })).toContain('西湖区');
    expect(regionChoices(data, 'city', { province: '北京市' })).toEqual(['北京市']);
    expect(regionChoices(data, 'district', { province: '北京市', city: '北京市' })).toContain('海淀区');
  });

  it('offers nothing under a level not chosen or not known', async () => {
    const data = await loadRegions();
    expect(regionChoices(data, 'city', {})).toEqual([]);
    expect(regionChoices(data, 'city', { province: '火星省' })).toEqual([]);
    expect(regionChoices(data, 'district', { province: '浙江省' })).toEqual([]);
  });
});
