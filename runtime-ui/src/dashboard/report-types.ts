/*
 * The report answers (funnel, time in stage, forecast, win rate) are @lodestar/core's types, the ones the
 * engine builds them with. `groups` is a records route, documented per entity and without a fixed contract
 * yet, so its answer is still spelled here.
 */

/** `GET /api/v1/records/{entity}/groups`: counts (and sums) per value of one field. */
export interface GroupsAnswer {
  by: string;
  data: { key: unknown; count: number; sum: number | null }[];
}
