/**
 * Raise clues (issue 4 §3, R82): a candidate becomes a new OPEN clue for the township, due
 * P36 working days after today (P39 calendar of its region), or merges into the open clue of
 * the same cause (repeat_count + 1, evidence appended, level raised when higher). The partial
 * unique index on the open cause is the guard under concurrency: an insert that loses the
 * race finds the winner's clue and merges into it. A candidate whose department records were
 * all in a clue already CLOSED for that cause is not raised again.
 */
import { CLUE_LEVEL_LABELS, TARGET_CATEGORY_LABELS, type ClueCandidate, type ClueLevel } from '../../domain/monitoring/clue.types.js';
import { addWorkingDays, uncoveredYears, type WorkingDayCalendar } from '../../domain/monitoring/working-days.js';
import { resolveParameterSet } from '../../domain/policy/resolve-parameters.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import type { Executor } from '../../db/database.js';
import { listParameterVersionsOnPath } from '../../db/repos/assessments.repo.js';
import { appendAudit, type AuditInput } from '../../db/repos/audit.repo.js';
import { findOpenClueByCause, insertClueEvents, insertOpenClue, listClosedEvidence, updateClue } from '../../db/repos/clues-raise.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';

const LEVEL_RANK: Record<string, number> = { YELLOW: 1, ORANGE: 2, RED: 3 };
/** Bounds of the merged evidence: the last sightings and the department records seen. */
export const EVIDENCE_HISTORY_MAX = 20;
export const EVIDENCE_RECORDS_MAX = 200;
const EMPTY_CALENDAR: WorkingDayCalendar = { coveredYears: [], holidays: [], makeUpWorkdays: [] };

function asCalendar(v: unknown): WorkingDayCalendar {
  const o = (v ?? {}) as Partial<WorkingDayCalendar>;
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((d) => typeof d === 'string' || typeof d === 'number') : []);
  return { coveredYears: list(o.coveredYears).map(Number), holidays: list(o.holidays) as string[], makeUpWorkdays: list(o.makeUpWorkdays) as string[] };
}

/** The P39 calendar in force for a region on a date (empty = weekends only). */
export async function loadWorkingCalendar(db: Executor, regionCode: string, onDate: string): Promise<WorkingDayCalendar> {
  const versions = await listParameterVersionsOnPath(db, regionCode.slice(0, 6));
  const set = resolveParameterSet(versions, regionCode.slice(0, 6), 'ALL', onDate);
  return set.P39 ? asCalendar(set.P39.value) : EMPTY_CALENDAR;
}

const recordIdsOf = (e: Record<string, unknown>): string[] => (Array.isArray(e.recordIds) ? e.recordIds.filter((x): x is string => typeof x === 'string') : []);

export async function raiseClues(
  tx: Executor,
  ctx: ServiceContext,
  candidates: ClueCandidate[],
  opts: { actor?: Actor | null } = {},
): Promise<{ raised: number; merged: number; skipped: number }> {
  const actor = opts.actor ?? null;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = shanghaiDate(now);
  // One order for every caller, so that two transactions lock open clues in the same order.
  const sorted = [...candidates].sort((a, b) => (a.causeKey < b.causeKey ? -1 : a.causeKey > b.causeKey ? 1 : 0));
  const closed = await listClosedEvidence(tx, [...new Set(sorted.map((c) => c.causeKey))]);
  const calendars = new Map<string, WorkingDayCalendar>();
  const events: Parameters<typeof insertClueEvents>[1] = [];
  const audit: AuditInput[] = [];
  let raised = 0;
  let merged = 0;
  let skipped = 0;

  for (const c of sorted) {
    const recIds = recordIdsOf(c.evidence);
    const handled = closed.get(c.causeKey);
    if (handled && recIds.length > 0 && recIds.every((id) => handled.has(id))) {
      skipped++;
      continue;
    }
    const county = c.regionCode.slice(0, 6);
    let cal = calendars.get(county);
    if (!cal) calendars.set(county, (cal = await loadWorkingCalendar(tx, c.regionCode, today)));
    const dueDate = addWorkingDays(today, c.deadlineWorkingDays, cal);
    const missing = uncoveredYears(today, dueDate, cal);
    const sighting = { seenAt: at, title: c.title, recordIds: recIds, ...(c.evidence.origin ? { origin: c.evidence.origin } : {}) };
    const calendarNote = missing.length
      ? { calendarNote: `工作日历（P39）未录入${missing.join('、')}年法定节假日和调休，办理期限仅按周末计算` }
      : {};

    for (let attempt = 0; ; attempt++) {
      const open = await findOpenClueByCause(tx, c.causeKey);
      if (open) {
        const old = open.evidence;
        const history = Array.isArray(old.history) ? (old.history as unknown[]) : [];
        const allIds = [...new Set([...recordIdsOf(old), ...recIds])].slice(-EVIDENCE_RECORDS_MAX);
        const level = (LEVEL_RANK[c.level] ?? 0) > (LEVEL_RANK[open.level] ?? 0) ? c.level : open.level;
        const repeatCount = open.repeatCount + 1;
        await updateClue(tx, open.id, {
          repeatCount,
          lastSeenAt: now,
          level,
          title: c.title,
          description: c.description,
          evidence: { ...old, ...c.evidence, recordIds: allIds, history: [...history, sighting].slice(-EVIDENCE_HISTORY_MAX) },
        });
        events.push({ clueId: open.id, countyCode: open.countyCode, action: 'MERGED', detail: { repeatCount, level, recordIds: recIds, ...(level !== open.level ? { levelFrom: open.level } : {}) }, actorId: actor?.id ?? null, at: now });
        audit.push(
          auditEvent(ctx, actor, {
            action: 'clue.merged',
            entityType: 'clue',
            entityId: open.id,
            householdId: open.householdId,
            countyCode: open.countyCode,
            source: 'SYSTEM',
            before: { level: open.level, repeatCount: open.repeatCount },
            after: { level, repeatCount, causeKey: c.causeKey, _summary: `${c.title}（再次触发第${repeatCount}次${level !== open.level ? `，等级升为${CLUE_LEVEL_LABELS[level as ClueLevel] ?? level}` : ''}）` },
          }),
        );
        merged++;
        break;
      }
      const row = await insertOpenClue(tx, {
        countyCode: c.countyCode,
        regionCode: c.regionCode,
        townshipCode: c.regionCode.slice(0, 9),
        householdId: c.householdId,
        personId: c.personId,
        subjectName: c.subjectName,
        subjectIdNumber: c.subjectIdNumber,
        channel: c.channel,
        ruleId: c.ruleId,
        causeKey: c.causeKey,
        level: c.level,
        targetCategory: c.targetCategory,
        title: c.title,
        description: c.description,
        evidence: { ...c.evidence, ...calendarNote, recordIds: recIds.slice(-EVIDENCE_RECORDS_MAX), history: [sighting] },
        status: 'OPEN',
        raisedAt: now,
        dueDate,
        repeatCount: 0,
        lastSeenAt: now,
        createdBy: actor?.id ?? null,
      });
      if (row) {
        events.push({ clueId: row.id, countyCode: row.countyCode, action: 'RAISED', detail: { channel: c.channel, ruleId: c.ruleId, level: c.level, dueDate, recordIds: recIds }, actorId: actor?.id ?? null, at: now });
        audit.push(
          auditEvent(ctx, actor, {
            action: 'clue.raised',
            entityType: 'clue',
            entityId: row.id,
            householdId: row.householdId,
            countyCode: row.countyCode,
            source: 'SYSTEM',
            after: {
              causeKey: c.causeKey,
              level: c.level,
              targetCategory: c.targetCategory,
              dueDate,
              _summary: `${CLUE_LEVEL_LABELS[c.level]}预警：${c.title}（指向${TARGET_CATEGORY_LABELS[c.targetCategory]}，${dueDate}前核实处置）`,
            },
          }),
        );
        raised++;
        break;
      }
      // Another transaction opened the same cause between our look-up and our insert: merge into it.
      if (attempt >= 2) throw new Error(`raiseClues: could not insert or merge ${c.causeKey}`);
    }
  }
  await insertClueEvents(tx, events);
  if (audit.length) await appendAudit(tx, audit);
  return { raised, merged, skipped };
}
