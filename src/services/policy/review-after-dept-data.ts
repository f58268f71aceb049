/**
 * Issue 4 §2: when department data changes a household's facts, the policy engine re-assesses
 * the household so that its explanation shows the department as the source. This is a review
 * only: the decision is stored, but the recipient's status does not move — each warning must
 * be verified on site before any assistance decision (R81), and the warning rules raise the
 * clue that leads there.
 */
import type { Tx } from '../../db/database.js';
import type { AuditInput } from '../../db/repos/audit.repo.js';
import { listParameterVersionsForSubtree } from '../../db/repos/assessments.repo.js';
import { createParameterResolver } from '../../domain/policy/resolve-parameters.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import type { ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { loadHouseholdFacts } from './load-household-facts.js';
import { DecisionBatch, decide, prepareDecision } from './policy-decision.js';

const CHUNK = 1000;

export async function reviewAfterDeptData(
  tx: Tx,
  ctx: ServiceContext,
  input: { householdIds: string[]; sourceLabel: string },
): Promise<{ reviewed: number; refused: number; audit: AuditInput[] }> {
  const ids = [...new Set(input.householdIds)];
  const audit: AuditInput[] = [];
  if (ids.length === 0) return { reviewed: 0, refused: 0, audit };
  const today = shanghaiDate(ctx.clock.now());
  // The versions in force for each province the households are in (a household's parameters
  // are inherited from its province, 市州 and county: POLICY.md §19, issue 3 §1).
  const resolvers = new Map<string, ReturnType<typeof createParameterResolver>>();
  const resolverFor = async (regionCode: string) => {
    const province = regionCode.slice(0, 2);
    let r = resolvers.get(province);
    if (!r) resolvers.set(province, (r = createParameterResolver(await listParameterVersionsForSubtree(tx, province))));
    return r;
  };
  let reviewed = 0;
  let refused = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const loadedAll = await loadHouseholdFacts(tx, ids.slice(i, i + CHUNK));
    const batch = new DecisionBatch();
    for (const loaded of loadedAll.values()) {
      if (loaded.status !== 'ACTIVE') continue;
      const f = loaded.facts;
      const resolve = await resolverFor(f.regionCode);
      const outcome = decide(loaded, resolve(f.regionCode, f.urbanRural, today), today, today);
      // No standard for the region (R27) and the like: nothing to review yet.
      if (!outcome.ok) {
        refused++;
        continue;
      }
      const note = {
        n: outcome.assessment.explanation.length + 1,
        kind: 'NOTE' as const,
        rule: 'R81',
        section: '部门数据复核',
        text: `本次核算因${input.sourceLabel}自动触发，仅作系统复核；待遇如需调整，须经入户核查并由经办人确认后生效。`,
        figures: [],
      };
      const d = prepareDecision({
        loaded,
        outcome: { ok: true, transition: null, assessment: { ...outcome.assessment, explanation: [...outcome.assessment.explanation, note] } },
        referenceDate: today,
        decisionDate: today,
        trigger: 'DEPT_DATA',
        runId: null,
        actorId: null,
        audit: (e) => auditEvent(ctx, null, e),
      });
      batch.add(d);
      reviewed++;
    }
    await batch.write(tx);
    audit.push(...batch.audit());
  }
  return { reviewed, refused, audit };
}
