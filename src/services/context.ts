import type { Database } from '../db/database.js';
import type { RegionScope } from '../domain/access/scope.js';

/** The clock port: use cases never call Date.now() themselves (STYLE §4). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The authenticated caller of a use case. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: readonly string[];
  scope: RegionScope;
}

/** Everything a use case may need besides its input. */
export interface ServiceContext {
  database: Database;
  clock: Clock;
  requestId?: string | undefined;
  ip?: string | undefined;
  /** Background job queue, when this process runs one. */
  jobs?: import('./jobs/queue.js').JobQueue | undefined;
}
