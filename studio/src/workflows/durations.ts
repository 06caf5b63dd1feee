/*
 * Durations as the admin edits them (a number and a unit) and as the engine stores them: ISO 8601
 * (PT30M, PT4H, P3D), "N business days" or "N business hours" (working hours of the business calendar). Reading accepts any duration the engine does and says
 * when one cannot be shown as a single unit (seconds, months), so the designer keeps it as written.
 */

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'businessDays' | 'businessHours';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const ISO =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const BUSINESS = /^(\d{1,4}) business days?$/;
const BUSINESS_HOURS = /^(\d{1,4}) business hours?$/;

/** The engine's spelling: 30 minutes → PT30M, 4 hours → PT4H, 3 days → P3D, 3 business days → "3 business days". */
export function formatDuration({ amount, unit }: Duration): string {
  const n = Math.max(0, Math.floor(amount));
  switch (unit) {
    case 'minutes':
      return `PT${n}M`;
    case 'hours':
      return `PT${n}H`;
    case 'days':
      return `P${n}D`;
    case 'businessDays':
      return `${n} business day${n === 1 ? '' : 's'}`;
    case 'businessHours':
      return `${n} business hour${n === 1 ? '' : 's'}`;
  }
}

/**
 * A stored duration as one number and unit, in the largest unit that holds it whole (P1DT2H → 26 hours,
 * P2W → 14 days); undefined when it is not a duration or has seconds, months or years.
 */
export function parseDuration(text: string | undefined): Duration | undefined {
  if (!text) return undefined;
  const business = BUSINESS.exec(text);
  if (business) return { amount: Number(business[1]), unit: 'businessDays' };
  const hours = BUSINESS_HOURS.exec(text);
  if (hours) return { amount: Number(hours[1]), unit: 'businessHours' };
  const m = ISO.exec(text);
  if (!m || m[1] || m[2] || m[7]) return undefined;
  const minutes = ((Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0)) * 24 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0);
  if (minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'days' };
  if (minutes % 60 === 0) return { amount: minutes / 60, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}

/** Whether `text` is a duration the engine reads (ISO 8601, or business days and hours where allowed). */
export function isStoredDuration(text: string, businessDays = true): boolean {
  return ISO.test(text) || (businessDays && (BUSINESS.test(text) || BUSINESS_HOURS.test(text)));
}
