import { describe, expect, it } from 'vitest';
import { mergeEdits } from './merge-edits';

const fields = ['phone', 'level', 'tags', 'note'];
const loaded = { phone: '021-1', level: 'normal', tags: ['a'] };

describe('mergeEdits', () => {
  it('merges cleanly when the user and someone else changed different fields', () => {
    const latest = { ...loaded, level: 'key' };
    expect(mergeEdits({ phone: '021-2' }, loaded, latest, fields)).toEqual({ theirs: ['level'], conflicts: [] });
  });

  it('reports a field both changed to different values, with both values', () => {
    const latest = { ...loaded, phone: '021-3', tags: ['a', 'b'] };
    expect(mergeEdits({ phone: '021-2', tags: ['a', 'b'] }, loaded, latest, fields)).toEqual({
      theirs: ['phone', 'tags'],
      conflicts: [{ field: 'phone', mine: '021-2', theirs: '021-3' }],
    });
  });

  it('takes a cleared field and an absent one as the same empty value', () => {
    const latest = { ...loaded, note: null };
    expect(mergeEdits({ note: null }, loaded, latest, fields)).toEqual({ theirs: [], conflicts: [] });
    expect(mergeEdits({ phone: null }, loaded, { ...loaded, phone: '' }, fields).conflicts).toEqual([]);
  });
});
