import { expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';
import { DATE_TIMER_DEFINITIONS } from '../support/date-timer-definitions.js';

/*
 * The studio's business calendar: China's National Day week as seeded, a year edited and saved (the engine's
 * refusal shown on the day it names), in Chinese and at 390 px.
 */
const { server, sessions } = useBrowserSuite({ ui: ['studio'], server: { definitions: DATE_TIMER_DEFINITIONS } });

it('shows the seeded holidays, saves an edited year and shows a refused day, in Chinese at 390 px', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 390, height: 800 });
  await p.goto('/studio/');
  await p.getByRole('navigation').getByRole('link', { name: '工作日历' }).click();
  const year = p.getByTestId('calendar-year');
  while (Number((await year.textContent())?.slice(0, 4)) > 2026)
    await p.getByRole('button', { name: /上一年/ }).click();
  while (Number((await year.textContent())?.slice(0, 4)) < 2026)
    await p.getByRole('button', { name: /下一年/ }).click();
  await expect.poll(() => year.textContent()).toBe('2026 年');
  const nationalDay = p.locator('[data-day="2026-10-01"]');
  await expect.poll(() => nationalDay.getByLabel('名称（中文）').inputValue()).toBe('国庆节');
  expect(await nationalDay.getByLabel('类型').inputValue()).toBe('holiday');
  expect(await p.locator('[data-day="2026-10-10"]').getByLabel('类型').inputValue()).toBe('workday');
  expect(await p.getByTestId('calendar-summary').textContent()).toMatch(/^\d+ 天放假，\d+ 天调休上班$/);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await p.getByRole('button', { name: /下一年/ }).click();
  await expect.poll(() => year.textContent()).toBe('2027 年');
  await expect.poll(() => p.locator('.panel-empty').textContent()).toContain('周一至周五上班');
  await p.getByRole('button', { name: '添加日期' }).click();
  const added = p.locator('.calendar-day').first();
  await added.getByLabel('日期').fill('2027-03-15');
  await added.getByLabel('名称（中文）').fill('司庆日');
  await added.getByLabel('名称（英文）').fill('Company day');
  await p.getByRole('button', { name: '添加日期' }).click();
  const second = p.locator('.calendar-day').nth(1);
  await second.getByLabel('日期').fill('2027-03-16');
  await second.getByLabel('类型').selectOption('workday');
  await p.getByRole('button', { name: '保存', exact: true }).click();
  // 16 March 2027 is a Tuesday: a make-up workday must be a weekend day. The engine says so on that day.
  await expect.poll(() => second.locator('.calendar-day-problem').textContent()).toContain('调休上班日应是周六或周日');
  await second.getByRole('button', { name: '删除 2027-03-16' }).click();
  await p.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => p.getByRole('status').last().textContent()).toContain('已保存');
  const saved = await server.request('GET', '/api/v1/admin/calendar/2027');
  expect(saved.body.days).toEqual([{ date: '2027-03-15', kind: 'holiday', name: { en: 'Company day', zh: '司庆日' } }]);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

it('edits the working hours that business-hour SLAs count, and shows a refused period, in Chinese at 390 px', async () => {
  const p = await sessions.open(server.adminToken, 'zh');
  await p.setViewportSize({ width: 390, height: 800 });
  await p.goto('/studio/calendar');
  const hours = p.getByTestId('working-hours');
  const first = hours.locator('[data-period="0"]');
  const second = hours.locator('[data-period="1"]');
  // The default day: 09:00–12:00 and 13:30–18:00.
  await expect.poll(() => first.getByLabel('开始').inputValue()).toBe('09:00');
  expect(await first.getByLabel('结束').inputValue()).toBe('12:00');
  expect(await second.getByLabel('开始').inputValue()).toBe('13:30');
  expect(await second.getByLabel('结束').inputValue()).toBe('18:00');
  // An afternoon that starts before the morning ends: the engine names the period.
  await second.getByLabel('开始').fill('11:00');
  await p.getByRole('button', { name: '保存工作时间' }).click();
  await expect
    .poll(() => second.locator('.calendar-day-problem').textContent())
    .toContain('在上一时段结束（12:00）之前就开始了');
  await second.getByLabel('开始').fill('13:00');
  await second.getByLabel('结束').fill('17:30');
  await p.getByRole('button', { name: '保存工作时间' }).click();
  await expect.poll(() => hours.getByRole('status').textContent()).toContain('已保存');
  expect((await server.request('GET', '/api/v1/admin/calendar/hours')).body).toEqual({
    periods: [
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '17:30' },
    ],
  });
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
