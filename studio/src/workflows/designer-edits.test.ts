import { describe, expect, it } from 'vitest';
import type { DefinitionSet } from '@lodestar/core';
import { DESIGNER_MESSAGES } from './designer-messages';
import { formatDuration, parseDuration } from './durations';
import { eventIdFrom, stateIdFrom, workflowIdFrom } from './ids';
import { renameState } from './rename-state';
import { listAutomatic, listTimers, removeTimer, setAutomatic, setTimer } from './timed-edits';
import { formatTimerKey, parseTimerKey } from './timer-keys';
import { timerWords } from './timer-words';
import type { Workflow } from './types';
import { copyWorkflow, createWorkflow, removeWorkflow } from './workflow-set-edits';

describe('durations as number and unit', () => {
  it('writes the engine’s spelling', () => {
    expect(formatDuration({ amount: 30, unit: 'minutes' })).toBe('PT30M');
    expect(formatDuration({ amount: 4, unit: 'hours' })).toBe('PT4H');
    expect(formatDuration({ amount: 3, unit: 'days' })).toBe('P3D');
    expect(formatDuration({ amount: 3, unit: 'businessDays' })).toBe('3 business days');
    expect(formatDuration({ amount: 1, unit: 'businessDays' })).toBe('1 business day');
    expect(formatDuration({ amount: 4, unit: 'businessHours' })).toBe('4 business hours');
    expect(formatDuration({ amount: 1, unit: 'businessHours' })).toBe('1 business hour');
  });
  it('reads any stored duration in the largest whole unit, or not at all', () => {
    expect(parseDuration('P1DT2H')).toEqual({ amount: 26, unit: 'hours' });
    expect(parseDuration('P2W')).toEqual({ amount: 14, unit: 'days' });
    expect(parseDuration('PT90M')).toEqual({ amount: 90, unit: 'minutes' });
    expect(parseDuration('PT48H')).toEqual({ amount: 2, unit: 'days' });
    expect(parseDuration('2 business days')).toEqual({ amount: 2, unit: 'businessDays' });
    expect(parseDuration('4 business hours')).toEqual({ amount: 4, unit: 'businessHours' });
    expect(parseDuration('1 business hour')).toEqual({ amount: 1, unit: 'businessHours' });
    expect(parseDuration('PT30S')).toBeUndefined();
    expect(parseDuration('P1M')).toBeUndefined();
    expect(parseDuration('4 小时')).toBeUndefined();
  });
});

describe('ids from titles', () => {
  it('reads Chinese as pinyin, camelCase for states and UPPER_SNAKE for events', () => {
    expect(stateIdFrom('待审批', [])).toBe('daiShenPi');
    expect(eventIdFrom('待审批', [])).toBe('DAI_SHEN_PI');
    expect(stateIdFrom('Pilot run', [])).toBe('pilotRun');
    expect(stateIdFrom('绿色通道', [])).toBe('lvSeTongDao');
    expect(stateIdFrom('第 2 轮', [])).toBe('di2Lun');
  });
  it('deduplicates and falls back when a title has no letters', () => {
    expect(stateIdFrom('待审批', ['daiShenPi'])).toBe('daiShenPi2');
    expect(eventIdFrom('通过', ['TONG_GUO'])).toBe('TONG_GUO_2');
    expect(stateIdFrom('123', [])).toBe('stage123');
    expect(stateIdFrom('！', [])).toBe('stage');
    expect(workflowIdFrom('经销商审批', ['jing-xiao-shang-shen-pi'])).toBe('jing-xiao-shang-shen-pi-2');
  });
});

describe('timer keys', () => {
  it('takes every key the engine reads apart and writes it back unchanged', () => {
    for (const key of [
      'sla',
      'PT4H',
      '3 business days',
      'at dueDate',
      'at dueDate 09:00',
      'after dueDate P1D 09:00',
      'before closeDate 2 business days',
    ]) {
      expect(formatTimerKey(parseTimerKey(key))).toBe(key);
    }
    expect(parseTimerKey('after dueDate P1D 09:00')).toEqual({
      kind: 'date',
      direction: 'after',
      field: 'dueDate',
      duration: 'P1D',
      time: '09:00',
    });
    expect(parseTimerKey('after dueDate')).toEqual({ kind: 'other', key: 'after dueDate' });
  });
  it('drops the duration of an "at" key', () => {
    expect(formatTimerKey({ kind: 'date', direction: 'at', field: 'dueDate', duration: 'P1D', time: '18:00' })).toBe(
      'at dueDate 18:00',
    );
  });
});

const sample = (): Workflow =>
  ({
    id: 'pay',
    initial: 'open',
    meta: { entity: 'payment' },
    states: {
      open: { after: { P30D: 'lost', 'at dueDate': { target: 'overdue' } }, on: { PAY: 'paid' } },
      overdue: { always: { target: 'paid', guard: { type: 'fieldCompare' } } },
      paid: { type: 'final' },
      lost: { type: 'final' },
    },
  }) as unknown as Workflow;

describe('timed and automatic transitions', () => {
  it('changes a timer’s key in place, keeping its transition', () => {
    const w = sample();
    const [first] = listTimers(w.states.open!);
    setTimer(w, 'open', first, 'after dueDate P1D 09:00', { target: 'overdue', actions: [] });
    expect(Object.keys(w.states.open!.after!)).toEqual(['after dueDate P1D 09:00', 'at dueDate']);
    setTimer(w, 'open', undefined, 'PT4H', { target: 'lost' });
    expect(Object.keys(w.states.open!.after!)).toEqual(['after dueDate P1D 09:00', 'at dueDate', 'PT4H']);
    removeTimer(w, 'open', { key: 'at dueDate', transition: { target: 'overdue' } });
    removeTimer(w, 'open', { key: 'PT4H', transition: { target: 'lost' } });
    removeTimer(w, 'open', { key: 'after dueDate P1D 09:00', transition: { target: 'overdue' } });
    expect(w.states.open!.after).toBeUndefined();
  });
  it('a second timer on the same key joins its list', () => {
    const w = sample();
    setTimer(w, 'open', undefined, 'P30D', { target: 'overdue' });
    expect(w.states.open!.after!.P30D).toEqual([{ target: 'lost' }, { target: 'overdue' }]);
    expect(listTimers(w.states.open!).map((t) => t.index)).toEqual([0, 1, undefined]);
  });
  it('lists and writes automatic transitions', () => {
    const w = sample();
    expect(listAutomatic(w.states.overdue!)).toHaveLength(1);
    setAutomatic(w, 'overdue', [...listAutomatic(w.states.overdue!), { target: 'lost' }]);
    expect(w.states.overdue!.always).toHaveLength(2);
    setAutomatic(w, 'overdue', []);
    expect(w.states.overdue!.always).toBeUndefined();
  });
});

describe('renaming a state', () => {
  it('moves transitions and initial, and marks a published state renamedFrom', () => {
    const w = sample();
    renameState(w, 'open', 'waiting', ['open', 'overdue']);
    expect(Object.keys(w.states)).toEqual(['waiting', 'overdue', 'paid', 'lost']);
    expect(w.initial).toBe('waiting');
    expect(w.states.waiting!.meta!.renamedFrom).toBe('open');
    renameState(w, 'paid', 'settled', ['open', 'overdue']);
    expect(w.states.waiting!.on!.PAY).toBe('settled');
    expect(w.states.overdue!.always).toMatchObject({ target: 'settled' });
    expect(w.states.settled!.meta?.renamedFrom).toBeUndefined();
    renameState(w, 'waiting', 'open', ['open', 'overdue']);
    expect(w.states.open!.meta!.renamedFrom).toBeUndefined();
  });
});

describe('the workflow list', () => {
  it('creates a workflow with its initial stage, copies and removes one', () => {
    const set = { entities: [], workflows: [sample()] } as unknown as DefinitionSet;
    const id = createWorkflow(set, {
      title: { zh: '经销商审批', en: '' },
      entity: 'customer',
      recordType: 'dealer',
      initialTitle: { zh: '待审批', en: '' },
    });
    expect(id).toBe('jing-xiao-shang-shen-pi');
    const created = set.workflows.find((w) => w.id === id) as Workflow;
    expect(created).toMatchObject({ initial: 'daiShenPi', meta: { entity: 'customer', recordType: 'dealer' } });
    const copy = copyWorkflow(set, 'pay', { zh: '回款（副本）', en: 'Payment (copy)' })!;
    expect(set.workflows.map((w) => w.id)).toEqual(['pay', copy, id]);
    expect(copy).toBe('payment-copy');
    removeWorkflow(set, 'pay');
    expect(set.workflows.map((w) => w.id)).toEqual([copy, id]);
  });
});

describe('timers in words', () => {
  const field = (f: string) => ({ dueDate: '到期日' })[f] ?? f;
  it('says when a timer fires in Chinese and English', () => {
    const zh = (key: string) => timerWords(parseTimerKey(key), field, DESIGNER_MESSAGES.zh);
    const en = (key: string) => timerWords(parseTimerKey(key), (f) => f, DESIGNER_MESSAGES.en);
    expect(zh('after dueDate P1D 09:00')).toBe('到期日后 1 天 09:00');
    expect(zh('before dueDate 3 business days')).toBe('到期日前 3 个工作日');
    expect(zh('at dueDate')).toBe('到期日当天');
    expect(zh('PT4H')).toBe('进入阶段 4 小时后');
    expect(zh('P1DT2H')).toBe('进入阶段 26 小时后');
    expect(en('after dueDate P1D 09:00')).toBe('1 day after dueDate at 09:00');
    expect(en('2 business days')).toBe('2 business days after entering');
    expect(en('sla')).toBe('SLA runs out');
  });
});
