/**
 * The company time zone of formula fields: `TODAY()`, date parts and the dates of date-times are computed
 * in it, by the engine's SQL (stored and computed formulas) and by the form's live values alike. Fixed, so a
 * stored generated column never depends on the machine or the reader.
 */
export const FORMULA_TIME_ZONE = 'Asia/Shanghai';
