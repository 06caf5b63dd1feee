import { describe, expect, it } from 'vitest';
import { judgeMigrations, judgeModel } from './health-checks.js';

describe('readiness judgements', () => {
  it('passes when every engine migration is recorded, extra ones (a newer engine) included', () => {
    expect(judgeMigrations(['001', '002', '003'], ['001', '002'])).toEqual({ ok: true });
  });

  it('names the migrations the database lacks', () => {
    expect(judgeMigrations(['001'], ['001', '002', '003'])).toEqual({
      ok: false,
      text: {
        en: 'the engine tables lack 2 migration(s): 002, 003; restart the engine to apply them',
        zh: '引擎数据表缺少 2 个迁移：002, 003；请重启引擎以应用',
      },
    });
  });

  it('passes an empty installation and an engine holding the newest model, fails one left behind', () => {
    expect(judgeModel(undefined, 0)).toEqual({ ok: true });
    expect(judgeModel(3, 3)).toEqual({ ok: true });
    expect(judgeModel(4, 3)).toMatchObject({
      ok: false,
      text: { zh: '已发布模型版本 4，但此引擎仍停留在版本 3' },
    });
  });
});
