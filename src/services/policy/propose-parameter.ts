import { isDeepStrictEqual } from 'node:util';
import { isInScope } from '../../domain/access/scope.js';
import { hasPermission } from '../../domain/access/roles.js';
import { AppError } from '../../domain/errors.js';
import { checkProposal, versionSummary } from '../../domain/policy/parameter-proposal.rules.js';
import type { ProposeParameterBody } from '../../contracts/policy.schemas.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findParameterInForce, findPendingDuplicate, insertParameterProposal } from '../../db/repos/policy.repo.js';
import { findRegionByCode } from '../../db/repos/regions.repo.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditCountyOf, regionNamesOf, toVersionView } from './parameter-views.js';

/** Levels of the regions table a version may be keyed by: 1 province, 2 市州, 3 county. */
const PARAMETER_REGION_LEVELS = new Set([1, 2, 3]);

/**
 * Propose a new version of a policy parameter (issue 3 §1): stored as DRAFT, in force only
 * once another administrator approves it. Money standards are normalised per §0.3. Refused
 * when it would change nothing: the same value and confidence as the version in force then.
 */
export async function proposeParameter(ctx: ServiceContext, actor: Actor, body: ProposeParameterBody) {
  if (!hasPermission(actor.roles, 'policy:manage')) throw new AppError('FORBIDDEN');
  const checked = checkProposal(body);
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', { details: checked.violations });
  const p = checked.value;

  return ctx.database.db.transaction(async (tx) => {
    const region = isInScope(actor.scope, p.regionCode) ? await findRegionByCode(tx, actor.scope, p.regionCode) : null;
    if (!region) throw new AppError('REGION_NOT_FOUND', { details: [{ path: 'regionCode', code: 'REGION_NOT_FOUND' }] });
    if (!PARAMETER_REGION_LEVELS.has(region.level)) {
      throw new AppError('VALIDATION_FAILED', { details: [{ path: 'regionCode', code: 'POLICY_REGION_LEVEL' }] });
    }
    if (await findPendingDuplicate(tx, p)) {
      throw new AppError('POLICY_PROPOSAL_DUPLICATE', {
        details: [{ path: 'effectiveFrom', code: 'POLICY_PROPOSAL_DUPLICATE', params: { code: p.code, effectiveFrom: p.effectiveFrom } }],
      });
    }
    // A version equal to the one it would follow changes no calculation; approving it would
    // still re-assess the region's households (an engine parameter). Confirming a placeholder
    // (a new confidence) is a change.
    const current = await findParameterInForce(tx, p.code, p.regionCode, p.effectiveFrom, p.urbanRural);
    if (current && current.confidence === p.confidence && isDeepStrictEqual(current.value, p.value)) {
      throw new AppError('POLICY_PROPOSAL_UNCHANGED', {
        details: [{ path: 'value', code: 'POLICY_PROPOSAL_UNCHANGED', params: { code: p.code, effectiveFrom: current.effectiveFrom } }],
      });
    }
    const row = await insertParameterProposal(tx, {
      code: p.code,
      name: p.def.name,
      regionCode: p.regionCode,
      urbanRural: p.urbanRural,
      effectiveFrom: p.effectiveFrom,
      value: p.value,
      confidence: p.confidence,
      basis: p.def.basis,
      note: p.note,
      reason: p.reason,
      createdBy: actor.id,
      createdAt: ctx.clock.now(),
    });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'policy.parameter.propose',
        entityType: 'policy_parameter',
        entityId: row.id,
        countyCode: auditCountyOf(row.regionCode),
        source: 'DECLARED',
        after: {
          summary: versionSummary('提议修改', row),
          code: row.code,
          regionCode: row.regionCode,
          urbanRural: row.urbanRural,
          effectiveFrom: row.effectiveFrom,
          value: row.value,
          confidence: row.confidence,
          reason: row.reason,
          note: row.note,
          status: row.status,
        },
      }),
    ]);
    const names = await regionNamesOf(tx, [row.regionCode]);
    return toVersionView({ ...row, createdByName: actor.displayName, reviewedByName: null }, names);
  });
}
