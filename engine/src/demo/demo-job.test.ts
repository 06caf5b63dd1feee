import { describe, expect, it } from 'vitest';
import { percentOf, type DemoJobStep } from './demo-job.js';

const title = { zh: '', en: '' };
const install = (status: DemoJobStep['status']): DemoJobStep => ({ kind: 'install', title, status });

describe('a sample data job’s percentage', () => {
  it('counts installs once and the sample data four times, by file and within the file', () => {
    const demo: DemoJobStep = { kind: 'demo', title, status: 'waiting' };
    const steps = [install('done'), install('running'), install('waiting'), install('waiting'), demo];
    expect(percentOf(steps)).toBe(12);
    steps.forEach((s) => (s.status = 'done'));
    Object.assign(demo, { status: 'running', done: 5, total: 10 });
    expect(percentOf(steps)).toBe(75);
    expect(percentOf(steps, 0.5)).toBe(77);
    demo.status = 'done';
    expect(percentOf(steps)).toBe(100);
  });
});
