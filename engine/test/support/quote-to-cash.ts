/** Ten lines of an equipment quote (product, quantity, unit price), used by the API and browser acceptance tests. */
export const QUOTE_LINES: readonly (readonly [string, number, number])[] = [
  ['数控车床 CK6150', 2, 128000],
  ['液压泵', 8, 920],
  ['伺服电机', 6, 2076],
  ['变频器', 3, 1599],
  ['直线导轨', 12, 204.2],
  ['工业机器人安装调试', 1, 38000],
  ['精密轴承', 15, 155.75],
  ['传感器', 3, 199.99],
  ['空压机', 2, 9300],
  ['密封圈', 10, 6.31],
];

/** The year quote numbers count in (the company's time zone, Asia/Shanghai by default). */
export function quoteYear(now = new Date()): string {
  return new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now);
}
