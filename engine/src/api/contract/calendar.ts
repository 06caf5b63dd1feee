import { json, problems } from '../openapi/common.js';
import { contract, object } from './spec.js';

const tags = ['admin'];
const year = {
  year: {
    schema: { type: 'string', pattern: '^(19[7-9]\\d|2\\d{3})$' },
    description: 'The calendar year (1970–2999).',
  },
};
const noSuchYear = { en: 'no such calendar year', zh: '没有这个日历年份' };
const name = {
  type: ['object', 'null'],
  properties: { en: { type: 'string', maxLength: 100 }, zh: { type: 'string', maxLength: 100 } },
  required: ['en', 'zh'],
  additionalProperties: false,
  description: 'What the day is (国庆节 / National Day); null when unnamed.',
};
const day = object(
  {
    date: { type: 'string', format: 'date' },
    kind: {
      type: 'string',
      enum: ['holiday', 'workday'],
      description: '`holiday`: a day off; `workday`: a weekend day worked instead (调休).',
    },
    name,
  },
  ['date', 'kind', 'name'],
  { additionalProperties: false },
);
const calendarYear = object(
  {
    year: { type: 'integer' },
    days: {
      type: 'array',
      items: day,
      description: 'The days that differ from Monday-to-Friday, in date order; every other weekday is worked.',
    },
  },
  ['year', 'days'],
  { additionalProperties: false },
);

const time = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$' };
const workingHours = object(
  {
    periods: {
      type: 'array',
      minItems: 1,
      maxItems: 6,
      items: object({ from: time, to: time }, ['from', 'to'], { additionalProperties: false }),
      description:
        'The working periods of every business day on the company clock, in order and not overlapping (09:00–12:00 and 13:30–18:00 by default). "N business hours" counts only these.',
    },
  },
  ['periods'],
  { additionalProperties: false },
);

/** `/admin/calendar/*`: the business calendar business-day timers and SLAs count on (administrators only). */
export const CALENDAR = contract('/admin/calendar', {
  readWorkingHours: {
    method: 'get',
    path: '/hours',
    operationId: 'readWorkingHours',
    tags,
    summary: 'The working hours of a business day',
    responses: { 200: json('', workingHours) },
  },
  replaceWorkingHours: {
    method: 'put',
    path: '/hours',
    operationId: 'replaceWorkingHours',
    tags,
    summary: 'Replace the working hours of a business day',
    description:
      'Business-hour timers and SLAs count on the new hours, pending ones too: each is computed again from what it counts from and moved.',
    body: workingHours,
    responses: { 200: json('Replaced.', workingHours), ...problems(422) },
  },
  readCalendarYear: {
    method: 'get',
    path: '/:year',
    operationId: 'readCalendarYear',
    tags,
    summary: 'The holidays and make-up workdays of one year',
    params: year,
    notFound: noSuchYear,
    responses: { 200: json('', calendarYear), ...problems(404) },
  },
  replaceCalendarYear: {
    method: 'put',
    path: '/:year',
    operationId: 'replaceCalendarYear',
    tags,
    summary: 'Replace the holidays and make-up workdays of one year',
    description:
      'Business-day timers and SLAs count on the new calendar, pending ones too: each is computed again from what it counts from (entering its state, or its date field) and moved.',
    params: year,
    notFound: noSuchYear,
    body: object({ days: { type: 'array', items: { ...day, required: ['date', 'kind'] }, maxItems: 366 } }, ['days'], {
      additionalProperties: false,
    }),
    responses: { 200: json('Replaced.', calendarYear), ...problems(404, 422) },
  },
});
