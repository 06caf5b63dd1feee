/**
 * The company's time zone: which calendar day, month and year a number is taken in (`x-sequence`), as
 * the people who read the numbers count them. Set once at start from the configuration
 * (LODESTAR_TIME_ZONE); Asia/Shanghai until then.
 */
let zone = 'Asia/Shanghai';

export function companyTimeZone(): string {
  return zone;
}

export function setCompanyTimeZone(name: string): void {
  zone = name;
}
