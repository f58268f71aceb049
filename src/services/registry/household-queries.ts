import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.js';
import { hasPermission } from '../../domain/access/roles.js';
import {
  CATEGORY_LABELS,
  DISABILITY_CATEGORY_LABELS,
  EMPLOYMENT_LABELS,
  HEALTH_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  LABOUR_CAPACITY_LABELS,
  RELATIONSHIP_LABELS,
  STUDENT_STAGE_LABELS,
  URBAN_RURAL_LABELS,
} from '../../domain/registry/codes.js';
import { maskBankAccount, maskIdNumber, maskPhone } from '../../domain/registry/mask.js';
import { appendAudit } from '../../db/repos/audit.repo.js';
import { findRegionByCode } from '../../db/repos/regions.repo.js';
import {
  categoryCounts,
  countHouseholds,
  findLikelyDuplicates,
  iterateHouseholdsForExport,
  listHouseholds,
  regionNames,
  type HouseholdFilter,
} from '../../db/repos/households.repo.js';
import type { Actor, ServiceContext } from '../context.js';
import { auditEvent } from '../audit-event.js';

/**
 * A list's total is exact up to this many households; beyond it the list says "more than" and
 * asks for a narrower search (nobody pages through 500 pages, and counting every 马 of the
 * province cost more than the page itself: docs/benchmarks.md).
 */
export const LIST_TOTAL_CAP = 10_000;

export async function searchHouseholds(
  ctx: ServiceContext,
  actor: Actor,
  q: HouseholdFilter & { page?: number | undefined; pageSize?: number | undefined },
  opts: { totalCap?: number } = {},
) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const cap = opts.totalCap ?? LIST_TOTAL_CAP;
  const { db } = ctx.database;
  const offset = (page - 1) * pageSize;
  const list = () => listHouseholds(db, actor.scope, q, { limit: pageSize, offset });
  const count = () => countHouseholds(db, actor.scope, q, { upTo: cap });
  let rows: Awaited<ReturnType<typeof listHouseholds>>;
  let counted: number;
  if (ctx.database.kind === 'postgres') {
    // Two connections: the page and its total at once.
    [rows, counted] = await Promise.all([list(), count()]);
  } else {
    // PGlite runs one statement at a time, so the page comes first, and a page that is not full
    // gives the total without searching again (offset + its rows), which is the usual answer to
    // an identity-number or phone fragment; an empty page past the first says nothing, so it
    // is counted.
    rows = await list();
    counted = rows.length < pageSize && (rows.length > 0 || offset === 0) ? offset + rows.length : await count();
  }
  return {
    page,
    pageSize,
    total: Math.min(counted, cap),
    totalCapped: counted > cap,
    items: rows.map((r) => ({
      id: r.household.id,
      householdNo: r.household.householdNo,
      countyCode: r.household.countyCode,
      regionCode: r.household.regionCode,
      regionPath: [r.townshipName, r.villageName].filter(Boolean).join(' · '),
      address: r.household.address,
      urbanRural: r.household.urbanRural,
      status: r.household.status,
      categories: r.household.categories,
      memberCount: r.household.memberCount,
      headName: r.household.headName,
      headIdNumber: r.headIdNumber ? maskIdNumber(r.headIdNumber) : null,
      updatedAt: r.household.updatedAt.toISOString(),
    })),
  };
}

export async function listLikelyDuplicates(ctx: ServiceContext, actor: Actor) {
  const rows = await findLikelyDuplicates(ctx.database.db, actor.scope, 500);
  return {
    total: rows.length,
    items: rows.map((r) => ({
      name: r.name,
      birthDate: r.birth_date,
      countyCode: r.county_code,
      persons: r.persons.map((p) => ({ ...p, idNumber: maskIdNumber(p.idNumber) })),
    })),
  };
}

/** Counts by category for a region (default: the caller's scope) and its child regions. */
export async function getCategoryStats(ctx: ServiceContext, actor: Actor, region: string | undefined) {
  const code = region ?? actor.scope.regionCode;
  const { db } = ctx.database;
  const r = await findRegionByCode(db, actor.scope, code);
  if (!r) throw new AppError('REGION_NOT_FOUND');
  const childLength = ({ 2: 4, 4: 6, 6: 9, 9: 12 } as Record<number, number>)[code.length] ?? null;
  const counts = await categoryCounts(db, actor.scope, code, childLength);
  const childCodes = [...new Set(counts.byChild.map((c) => c.code))];
  const names = new Map((await regionNames(db, childCodes)).map((n) => [n.code, n.name]));
  const byChild = new Map<string, { code: string; name: string; households: number; byCategory: Record<string, number> }>();
  for (const c of counts.byChild) byChild.set(c.code, { code: c.code, name: names.get(c.code) ?? c.code, households: c.households, byCategory: {} });
  for (const c of counts.byChildCategory) {
    const e = byChild.get(c.code);
    if (e) e.byCategory[c.category] = c.households;
  }
  return {
    regionCode: code,
    regionName: r.name,
    totals: counts.totals,
    byCategory: Object.keys(CATEGORY_LABELS).map((category) => {
      const f = counts.byCategory.find((b) => b.category === category);
      return { category, households: f?.households ?? 0, persons: f?.persons ?? 0 };
    }),
    byChildRegion: [...byChild.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

const lbl = (t: Record<string, string>, v: string | null | undefined) => (v ? (t[v] ?? v) : '');

/**
 * Export the filtered household list to .xlsx, one row per member, streamed. Masked by
 * default; unmasked needs person:reveal. Either way the export is audited.
 */
export async function exportHouseholds(ctx: ServiceContext, actor: Actor, filter: HouseholdFilter, opts: { unmasked: boolean }) {
  if (opts.unmasked && !hasPermission(actor.roles, 'person:reveal')) throw new AppError('FORBIDDEN');
  const { db } = ctx.database;
  const total = await countHouseholds(db, actor.scope, filter);
  await db.transaction(async (tx) => {
    await appendAudit(tx, [
      auditEvent(ctx, actor, {
        action: opts.unmasked ? 'household.export-unmasked' : 'household.export',
        entityType: 'household',
        entityId: null,
        after: { filter: { ...filter }, households: total },
      }),
    ]);
  });
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('低收入人口');
  ws.columns = [
    { header: '户编号', key: 'householdNo', width: 20 },
    { header: '乡镇(街道)', key: 'township', width: 14 },
    { header: '村(社区)', key: 'village', width: 14 },
    { header: '家庭住址', key: 'address', width: 24 },
    { header: '城乡类别', key: 'urbanRural', width: 8 },
    { header: '保障类别', key: 'categories', width: 16 },
    { header: '状态', key: 'status', width: 8 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '与户主关系', key: 'relationship', width: 10 },
    { header: '身份证号', key: 'idNumber', width: 22 },
    { header: '性别', key: 'sex', width: 6 },
    { header: '出生日期', key: 'birthDate', width: 12 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '劳动能力', key: 'labourCapacity', width: 14 },
    { header: '健康状况', key: 'healthStatus', width: 10 },
    { header: '残疾类别', key: 'disabilityCategory', width: 10 },
    { header: '残疾等级', key: 'disabilityGrade', width: 8 },
    { header: '就业状况', key: 'employment', width: 10 },
    { header: '在校情况', key: 'studentStage', width: 10 },
    { header: '开户银行', key: 'bankName', width: 14 },
    { header: '银行账号', key: 'bankAccount', width: 24 },
  ];
  (async () => {
    try {
      for await (const { rows, members } of iterateHouseholdsForExport(db, actor.scope, filter)) {
        const byHousehold = new Map<string, typeof members>();
        for (const m of members) {
          const list = byHousehold.get(m.member.householdId) ?? [];
          list.push(m);
          byHousehold.set(m.member.householdId, list);
        }
        for (const r of rows) {
          const h = r.household;
          for (const { member, person } of byHousehold.get(h.id) ?? []) {
            ws.addRow({
              householdNo: h.householdNo,
              township: r.townshipName ?? '',
              village: r.villageName ?? '',
              address: h.address,
              urbanRural: lbl(URBAN_RURAL_LABELS, h.urbanRural),
              categories: h.categories.map((c) => lbl(CATEGORY_LABELS, c)).join('、'),
              status: lbl(HOUSEHOLD_STATUS_LABELS, h.status),
              name: person.name,
              relationship: lbl(RELATIONSHIP_LABELS, member.relationship),
              idNumber: opts.unmasked ? person.idNumber : maskIdNumber(person.idNumber),
              sex: person.sex === 'M' ? '男' : '女',
              birthDate: person.birthDate,
              phone: (opts.unmasked ? person.phone : maskPhone(person.phone)) ?? '',
              labourCapacity: lbl(LABOUR_CAPACITY_LABELS, person.labourCapacity),
              healthStatus: lbl(HEALTH_LABELS, person.healthStatus),
              disabilityCategory: lbl(DISABILITY_CATEGORY_LABELS, person.disabilityCategory),
              disabilityGrade: person.disabilityGrade ?? '',
              employment: lbl(EMPLOYMENT_LABELS, person.employment),
              studentStage: lbl(STUDENT_STAGE_LABELS, person.studentStage),
              bankName: person.bankName ?? '',
              bankAccount: (opts.unmasked ? person.bankAccount : maskBankAccount(person.bankAccount)) ?? '',
            }).commit();
          }
        }
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return { stream: out, fileName: `低收入人口_${actor.scope.regionCode}_${ctx.clock.now().toISOString().slice(0, 10)}.xlsx` };
}
