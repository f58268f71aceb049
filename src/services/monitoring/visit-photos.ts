/**
 * Photos of a field visit (jpeg/png/webp, ≤ 5 MB each, ≤ 6 per visit), stored in the
 * database with their sha256, and served back only within the clue's region.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors.js';
import { sniffImageType, VISIT_PHOTO_MAX_BYTES, VISIT_PHOTO_MAX_COUNT } from '../../domain/monitoring/clue.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findClue, findSiteVisit, findVisitPhoto, insertVisitPhoto, listVisitPhotoMeta } from '../../db/repos/clues.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';

export async function addVisitPhoto(
  ctx: ServiceContext,
  actor: Actor,
  visitId: string,
  file: { content: Buffer } | null,
) {
  return ctx.database.db.transaction(async (tx) => {
    const found = await findSiteVisit(tx, actor.scope, visitId);
    if (!found) throw new AppError('CLUE_VISIT_NOT_FOUND');
    // Lock the clue: concurrent uploads count photos one at a time.
    const clue = await findClue(tx, actor.scope, found.clue.id, { forUpdate: true });
    if (!clue || clue.status === 'CLOSED') throw new AppError('CLUE_ALREADY_CLOSED');
    if (!file || file.content.length === 0) throw new AppError('CLUE_PHOTO_REQUIRED');
    if (file.content.length > VISIT_PHOTO_MAX_BYTES) throw new AppError('CLUE_PHOTO_TOO_LARGE');
    const type = sniffImageType(file.content);
    // The bytes decide the type (phones label photos loosely); anything else is refused.
    if (!type) throw new AppError('CLUE_PHOTO_TYPE');
    const existing = await listVisitPhotoMeta(tx, [visitId]);
    if (existing.length >= VISIT_PHOTO_MAX_COUNT) throw new AppError('CLUE_PHOTO_TOO_MANY', { details: [{ path: 'photos', code: 'CLUE_PHOTO_TOO_MANY', params: { max: VISIT_PHOTO_MAX_COUNT } }] });
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const photo = await insertVisitPhoto(tx, {
      visitId,
      countyCode: clue.countyCode,
      mimeType: type,
      sizeBytes: file.content.length,
      sha256,
      content: file.content,
      createdAt: ctx.clock.now(),
    });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'clue.visit-photo',
        entityType: 'visit_photo',
        entityId: photo.id,
        countyCode: clue.countyCode,
        source: 'FIELD_CHECK',
        after: { clueId: clue.id, visitId, mimeType: type, sizeBytes: photo.sizeBytes, sha256 },
      }),
    ]);
    return { id: photo.id, mimeType: photo.mimeType, sizeBytes: photo.sizeBytes, sha256: photo.sha256 };
  });
}

export async function getVisitPhoto(ctx: ServiceContext, actor: Actor, visitId: string, photoId: string) {
  const photo = await findVisitPhoto(ctx.database.db, actor.scope, visitId, photoId);
  if (!photo) throw new AppError('CLUE_PHOTO_NOT_FOUND');
  return { mimeType: photo.mimeType, content: photo.content, sha256: photo.sha256 };
}
