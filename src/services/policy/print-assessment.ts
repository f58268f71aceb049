/**
 * The printable 家庭经济状况核算表 of a stored decision (issue 3 §4): identity numbers masked,
 * the explanation exactly as stored. Printing is audited like any read of personal data.
 */
import { RELATIONSHIP_LABELS } from '../../domain/registry/codes.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findHousehold, listMembers, regionNames } from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';
import { toPersonView } from '../registry/person-views.js';
import { renderAssessmentPdf } from './assessment-pdf.js';
import { loadAssessmentView } from './assessment-views.js';

export async function printAssessment(ctx: ServiceContext, actor: Actor, assessmentId: string) {
  const db = ctx.database.db;
  const a = await loadAssessmentView(db, actor.scope, assessmentId);
  const h = (await findHousehold(db, actor.scope, a.householdId))!;
  const members = (await listMembers(db, h.id)).filter((m) => m.member.active);
  const names = await regionNames(db, [6, 9, 12].map((n) => h.regionCode.slice(0, n)));
  const today = shanghaiDate(ctx.clock.now());
  const counted = new Map(a.result.members.map((m) => [m.personId, m]));
  const head = members.find((m) => m.member.relationship === 'HEAD');
  const pdf = await renderAssessmentPdf({
    household: {
      householdNo: h.householdNo,
      regionName: names
        .sort((x, y) => x.code.length - y.code.length)
        .map((n) => n.name)
        .join(''),
      address: h.address,
      urbanRural: h.urbanRural === 'URBAN' ? 'URBAN' : 'RURAL',
      headName: head?.person.name ?? h.headName ?? '',
      members: members.map((m) => {
        const v = toPersonView(m.person, today);
        return {
          name: v.name,
          idNumberMasked: v.idNumber,
          relationship: RELATIONSHIP_LABELS[m.member.relationship as keyof typeof RELATIONSHIP_LABELS] ?? m.member.relationship,
          age: v.age,
          counted: counted.has(m.person.id),
          note: counted.has(m.person.id) ? null : '不计入家庭人口',
        };
      }),
    },
    assessment: {
      id: a.id,
      referenceDate: a.referenceDate,
      createdAt: a.createdAt,
      createdByName: a.createdByName,
      trigger: a.trigger,
      result: a.result,
      explanation: a.explanation,
      parametersUsed: Object.fromEntries(a.parametersUsed.map((p) => [p.code, p.versionId])),
    },
    printedAt: ctx.clock.now().toISOString(),
    printedBy: actor.displayName,
  });
  await db.transaction(async (tx) => {
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'assessment.print',
        entityType: 'assessment',
        entityId: a.id,
        householdId: h.id,
        countyCode: h.countyCode,
        source: 'SYSTEM',
      }),
    ]);
  });
  return { pdf, fileName: `家庭经济状况核算表-${h.householdNo}-${a.referenceDate}.pdf` };
}
