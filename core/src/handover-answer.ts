/** What a handover moved (`POST /admin/handover`, `lodestar handover`): engine handover/handover.ts builds it. */
export interface HandoverResult {
  /**
   * Records moved (or, in a dry run, that would move) per entity id, every chosen entity listed.
   * @integer
   */
  moved: Record<string, number>;
  /** @integer */
  total: number;
  dryRun: boolean;
}
