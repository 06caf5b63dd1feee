import { describe, expect, it } from 'vitest';
import { exportParams } from './exportParams';

describe('exportParams', () => {
  it('keeps the list’s filters and sort and adds the view’s columns, language and time zone', () => {
    const query = new URLSearchParams(
      exportParams(
        'sort=-created_at&filter%5Bindustry%5D%5Beq%5D=retail',
        ['name', 'industry', 'owner_id'],
        'zh',
        'Asia/Shanghai',
      ),
    );
    expect(query.get('sort')).toBe('-created_at');
    expect(query.get('filter[industry][eq]')).toBe('retail');
    expect(query.get('fields')).toBe('name,industry,owner_id');
    expect(query.get('lang')).toBe('zh');
    expect(query.get('tz')).toBe('Asia/Shanghai');
  });
});
