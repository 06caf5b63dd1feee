/**
 * Where the records of the stages a new version removes go, as plan, publish and rollback take it: workflow id →
 * removed state → a state of the new version (engine migrate/state-mapping.ts judges it, the studio's publish page
 * asks for it).
 */
export type StateMapping = Record<string, Record<string, string>>;
