import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dependencyOrder, readPreset } from './presets.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('demo presets', () => {
  it('reads the trading company from templates/presets.json with each template’s title', () => {
    const preset = readPreset(REPO_ROOT, 'trading');
    expect(preset.templates.map((t) => t.folder)).toEqual(['sales-to-cash', 'customer-pool', 'marketing', 'service']);
    expect(preset.templates[0]!.title).toEqual({ zh: '销售到回款', en: 'Sales to cash' });
    expect(preset.title.zh).toContain('贸易公司全套');
  });

  it('refuses a preset that is not there, in both languages', () => {
    expect(() => readPreset(REPO_ROOT, 'nope')).toThrow('there is no demo preset "nope"');
    expect(() => readPreset(REPO_ROOT, 'toString')).toThrow('there is no demo preset');
  });

  it('puts a template after the templates of the list it extends, keeping the order otherwise', () => {
    const circle = () => new Error('circle');
    expect(
      dependencyOrder(
        [
          { key: 'c', needs: ['b', 'base'] },
          { key: 'a', needs: ['base'] },
          { key: 'b', needs: ['a'] },
        ],
        circle,
      ),
    ).toEqual(['a', 'b', 'c']);
    expect(() =>
      dependencyOrder(
        [
          { key: 'a', needs: ['b'] },
          { key: 'b', needs: ['a'] },
        ],
        circle,
      ),
    ).toThrow('circle');
  });
});
