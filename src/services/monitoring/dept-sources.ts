/**
 * The department sources with their current field mapping, and mapping versions (issue 4
 * §2): every save is a new version row; version 0 is the catalogue's Chinese headers.
 */
import { appendAudit } from '../../db/repos/audit.repo.js';
import {
  findDeptMappingVersion,
  findLatestDeptMapping,
  insertDeptMappingVersion,
  listDeptMappingHistory,
  listLatestDeptMappingVersions,
} from '../../db/repos/dept-data.repo.js';
import type { Executor } from '../../db/database.js';
import { AppError } from '../../domain/errors.js';
import {
  checkDeptMapping,
  defaultDeptMapping,
  DEPT_SOURCES,
  findDeptSource,
  type DeptApplies,
  type DeptSource,
} from '../../domain/monitoring/sources.js';
import { ASSET_TYPE_LABELS, EXPENDITURE_TYPE_LABELS, INCOME_TYPE_LABELS } from '../../domain/registry/codes.js';
import { auditEvent } from '../audit-event.js';
import type { Actor, ServiceContext } from '../context.js';

export interface CurrentDeptMapping {
  version: number;
  mapping: Record<string, string>;
}

const PERSON_FIELD_LABELS: Record<string, string> = {
  disabilityCategory: '残疾类别',
  disabilityGrade: '残疾等级',
  healthStatus: '健康状况(重病)',
  seriousIllness: '重病名称',
  employment: '就业状况',
  studentStage: '在校情况',
};

export function describeApplies(a: DeptApplies): string {
  switch (a.kind) {
    case 'NONE':
      return '不改登记信息，仅用于预警';
    case 'EXPENDITURE':
      return `登记刚性支出：${EXPENDITURE_TYPE_LABELS[a.expenditureType]}`;
    case 'INCOME':
      return `登记收入：${a.incomeTypes.map((t) => INCOME_TYPE_LABELS[t]).join('或')}`;
    case 'ASSET':
      return `登记财产：${ASSET_TYPE_LABELS[a.assetType]}`;
    case 'PERSON':
      return `更新人员信息：${a.fields.map((x) => PERSON_FIELD_LABELS[x] ?? x).join('、')}`;
    case 'CATEGORY':
      return '认定/终止防返贫监测类别';
  }
}

export function requireDeptSource(code: string): DeptSource {
  const s = findDeptSource(code);
  if (!s) throw new AppError('DEPT_SOURCE_NOT_FOUND', { details: [{ path: 'sourceCode', code: 'DEPT_SOURCE_NOT_FOUND', params: { code } }] });
  return s;
}

/** The mapping in force (latest version, or the defaults as version 0). */
export async function currentDeptMapping(db: Executor, source: DeptSource): Promise<CurrentDeptMapping> {
  const m = await findLatestDeptMapping(db, source.code);
  return m ? { version: m.version, mapping: { ...defaultDeptMapping(source), ...m.mapping } } : { version: 0, mapping: defaultDeptMapping(source) };
}

/** The mapping of one version (0 = defaults). */
export async function deptMappingVersion(db: Executor, source: DeptSource, version: number | null): Promise<Record<string, string>> {
  if (!version) return defaultDeptMapping(source);
  const m = await findDeptMappingVersion(db, source.code, version);
  return { ...defaultDeptMapping(source), ...(m?.mapping ?? {}) };
}

function sourceView(s: DeptSource, current: CurrentDeptMapping) {
  return {
    code: s.code,
    department: s.department,
    departmentName: s.departmentName,
    datasetName: s.datasetName,
    fields: s.fields.map((fd) => ({ key: fd.key, header: fd.header, type: fd.type, required: fd.required, ...(fd.options ? { options: { ...fd.options } } : {}) })),
    eventDateField: s.eventDateField,
    amountField: s.amountField,
    applies: describeApplies(s.applies),
    mappingVersion: current.version,
    mapping: current.mapping,
  };
}

export async function listDeptSources(ctx: ServiceContext) {
  const { db } = ctx.database;
  const latest = new Map((await listLatestDeptMappingVersions(db)).map((r) => [r.sourceCode, r.version]));
  const out = [];
  for (const s of DEPT_SOURCES) {
    const current = latest.has(s.code) ? await currentDeptMapping(db, s) : { version: 0, mapping: defaultDeptMapping(s) };
    out.push(sourceView(s, current));
  }
  return out;
}

export async function getDeptMappingHistory(ctx: ServiceContext, code: string) {
  const source = requireDeptSource(code);
  const rows = await listDeptMappingHistory(ctx.database.db, source.code);
  const versions = rows.map((r) => ({
    version: r.mapping.version,
    mapping: { ...defaultDeptMapping(source), ...r.mapping.mapping },
    note: r.mapping.note,
    createdByName: r.createdByName,
    createdAt: r.mapping.createdAt.toISOString(),
  }));
  const defaults = { version: 0, mapping: defaultDeptMapping(source), note: '默认列名', createdByName: null, createdAt: null };
  return { sourceCode: source.code, current: versions[0] ?? defaults, versions };
}

/** Save a new mapping version (always a new row, audited). */
export async function saveDeptMapping(ctx: ServiceContext, actor: Actor, code: string, body: { mapping: Record<string, string>; note?: string | undefined }) {
  const source = requireDeptSource(code);
  const checked = checkDeptMapping(source, body.mapping);
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', { details: checked.violations.map((v) => ({ ...v, path: `mapping.${v.path}` })) });
  await ctx.database.db.transaction(async (tx) => {
    const row = await insertDeptMappingVersion(tx, {
      sourceCode: source.code,
      mapping: checked.value,
      note: body.note?.trim() || null,
      createdBy: actor.id,
      createdAt: ctx.clock.now(),
    });
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: 'dept.mapping-save',
        entityType: 'dept_field_mapping',
        entityId: row.id,
        source: 'DEPARTMENT',
        after: { sourceCode: source.code, version: row.version, mapping: checked.value },
      }),
    ]);
  });
  return getDeptMappingHistory(ctx, code);
}
