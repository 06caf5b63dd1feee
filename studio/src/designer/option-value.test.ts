import { describe, expect, it } from 'vitest';
import { optionValueFrom } from './option-value';

describe('a new choice option’s value', () => {
  it('comes from the English name, else the Chinese one in pinyin, unique among the others', () => {
    expect(optionValueFrom({ zh: '一级经销商', en: 'Tier 1' }, [], 0)).toBe('tier1');
    expect(optionValueFrom({ zh: '线上', en: '' }, [], 0)).toMatch(/^xian/i);
    expect(optionValueFrom({ zh: '', en: 'Online' }, ['online'], 1)).toBe('online2');
  });

  it('is empty until the option has a name', () => {
    expect(optionValueFrom({ zh: ' ', en: '' }, [], 0)).toBe('');
  });
});
