/**
 * Staff entry of a clue (issue 4 §4, R80): 自主申报 (entered by staff for now), 入户走访,
 * 热线反映 and 部门预警标识 entered by hand. The person is found by identity number; a
 * person in the registry (in the reporter's scope) brings household and village, anyone
 * else is placed by the reporter in a village of their scope. The deadline is P36.
 */
import { isInScope } from '../../domain/access/scope.js';
import { AppError } from '../../domain/errors.js';
import { DEFAULT_LEVEL_BY_CHANNEL } from '../../domain/monitoring/clue.rules.js';
import { CLUE_CHANNEL_LABELS, TARGET_CATEGORY_LABELS, type ClueCandidate } from '../../domain/monitoring/clue.types.js';
import { parseIdNumber } from '../../domain/registry/id-number.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import type { CreateClueBody } from '../../contracts/clues.schemas.js';
import { findOpenClueByCause } from '../../db/repos/clues.repo.js';
import { findActiveMembership, findPersonByIdNumber } from '../../db/repos/households.repo.js';
import { findRegionByCode } from '../../db/repos/regions.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { loadClueParameters } from './clue-parameters.js';
import { loadClueDetail } from './clue-views.js';
import { raiseClues } from './raise-clues.js';

export async function reportClue(ctx: ServiceContext, actor: Actor, body: CreateClueBody) {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const parsed = parseIdNumber(body.idNumber, { today });
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', { details: parsed.violations.map((v) => ({ ...v, path: 'idNumber' })) });
  }
  const idNumber = parsed.value.idNumber;
  const { clueId, merged } = await ctx.database.db.transaction(async (tx) => {
    const person = await findPersonByIdNumber(tx, idNumber);
    const membership = person ? await findActiveMembership(tx, person.id) : null;
    // A household outside the reporter's scope is not revealed: the person is placed by hand.
    const household = membership && isInScope(actor.scope, membership.household.regionCode) ? membership.household : null;
    let regionCode: string;
    let subjectName: string;
    if (household) {
      regionCode = household.regionCode;
      subjectName = person!.name;
    } else {
      const details = [];
      if (!body.regionCode) details.push({ path: 'regionCode', code: 'CLUE_REGION_REQUIRED' });
      if (!body.name?.trim()) details.push({ path: 'name', code: 'CLUE_NAME_REQUIRED' });
      if (details.length) throw new AppError('VALIDATION_FAILED', { details });
      const region = await findRegionByCode(tx, actor.scope, body.regionCode!);
      if (!region) throw new AppError('REGION_NOT_FOUND');
      regionCode = region.code;
      subjectName = body.name!.trim();
    }
    const params = await loadClueParameters(tx, regionCode, today);
    const channelLabel = CLUE_CHANNEL_LABELS[body.channel];
    const evidence: Record<string, unknown> = {
      enteredBy: actor.displayName,
      ...(body.reporterName ? { reporterName: body.reporterName } : {}),
      ...(body.reporterPhone ? { reporterPhone: body.reporterPhone } : {}),
      ...(body.department ? { department: body.department } : {}),
      ...(household ? {} : { inRegistry: false }),
    };
    const candidate: ClueCandidate = {
      countyCode: regionCode.slice(0, 6),
      regionCode,
      householdId: household?.id ?? null,
      personId: household ? person!.id : null,
      subjectName,
      subjectIdNumber: idNumber,
      channel: body.channel,
      ruleId: null,
      // The same channel reporting the same need of the same person merges while open.
      causeKey: `${body.channel}:${body.targetCategory}:${idNumber}`,
      level: body.level ?? DEFAULT_LEVEL_BY_CHANNEL[body.channel],
      targetCategory: body.targetCategory,
      title: body.title?.trim() || `${channelLabel}：${subjectName}，疑似${TARGET_CATEGORY_LABELS[body.targetCategory]}`,
      description: body.description,
      evidence,
      deadlineWorkingDays: params.slaWorkingDays,
    };
    // Raised (or merged) with its event and audit by the shared use case, as this actor.
    const r = await raiseClues(tx, ctx, [candidate], { actor });
    const clue = await findOpenClueByCause(tx, candidate.causeKey);
    if (!clue) throw new AppError('INTERNAL', { message: 'raised clue not found by cause key' });
    const wasMerged = r.merged > 0;
    return { clueId: clue.id, merged: wasMerged };
  });
  return { merged, clue: await loadClueDetail(ctx.database.db, actor.scope, clueId, today) };
}

