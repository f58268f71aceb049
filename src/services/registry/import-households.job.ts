/**
 * Job definition (STYLE §7): id, version, payload check and a lazily loaded handler. The
 * batch row is the job's real state (status, progress, result), so a job that dies or is
 * sent twice is harmless: the handler does nothing for a batch that is already finished.
 */
import { AppError } from '../../domain/errors.js';
import type { ServiceContext } from '../context.js';
import type { JobQueue } from '../jobs/queue.js';

export const IMPORT_HOUSEHOLDS_JOB = 'registry.import-households@1';

export interface ImportHouseholdsPayload {
  batchId: string;
}

/** The logger a job handler writes to (pino-compatible). */
export interface JobLog {
  error(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseImportHouseholdsPayload(data: Record<string, unknown>): ImportHouseholdsPayload {
  const batchId = data.batchId;
  if (typeof batchId !== 'string' || !UUID.test(batchId)) {
    throw new AppError('VALIDATION_FAILED', { message: `${IMPORT_HOUSEHOLDS_JOB}: batchId must be a uuid` });
  }
  return { batchId };
}

export async function sendImportHouseholdsJob(queue: JobQueue, payload: ImportHouseholdsPayload): Promise<void> {
  await queue.send(IMPORT_HOUSEHOLDS_JOB, { batchId: payload.batchId }, { singletonKey: payload.batchId });
}

export async function registerImportHouseholdsJob(queue: JobQueue, ctx: ServiceContext, log: JobLog): Promise<void> {
  await queue.work(IMPORT_HOUSEHOLDS_JOB, async (data) => {
    const payload = parseImportHouseholdsPayload(data);
    const { handleImportHouseholds } = await import('./import-households.handler.js');
    await handleImportHouseholds(ctx, payload, log);
  });
}
