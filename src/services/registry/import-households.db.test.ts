import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/db.js';
import { FakeClock } from '../../../test/clock.js';
import { createTestUser } from '../../../test/builders/users.js';
import {
  VILLAGE_A,
  VILLAGE_B,
  VILLAGE_OTHER_COUNTY,
  csvFile,
  gbkCsvFile,
  memberRow,
  toGrid,
  uniqueHouseholdNo,
  uniqueIdNumber,
  xlsxFile,
  type TemplateRow,
} from '../../../test/builders/import-files.js';
import { verifyAuditChain } from '../../db/repos/audit.repo.js';
import { computeIdCheckChar } from '../../domain/registry/id-number.js';
import { toActor } from '../access/auth.js';
import type { Actor, ServiceContext } from '../context.js';
import { InlineQueue } from '../jobs/queue.js';
import { registerJobHandlers } from '../jobs/handlers.js';
import { listImportErrors } from './import-batches.js';
import { listMembers } from '../../db/repos/households.repo.js';
import { loadHouseholdFacts } from '../policy/load-household-facts.js';
import { createImportBatch, resumeImportBatches, runImportBatch, type ImportBatchView } from './import-households.js';

let database: TestDatabase;
let ctx: ServiceContext;
let actor: Actor;
const clock = new FakeClock('2026-03-02T02:00:00.000Z');

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = { database, clock };
  actor = toActor(await createTestUser(database, { regionCode: '630102' }));
});
afterAll(async () => {
  await database?.destroy();
});

type Q = Record<string, unknown>;
async function q<T = Q>(text: string, params: unknown[] = []): Promise<T[]> {
  return database.rawTransaction((raw) => raw.query<T>(text, params));
}
async function one<T = Q>(text: string, params: unknown[] = []): Promise<T> {
  return (await q<T>(text, params))[0]!;
}

async function importFile(fileName: string, content: Buffer, who: Actor = actor): Promise<ImportBatchView> {
  const b = await createImportBatch(ctx, who, { fileName, content });
  expect(b.status).toBe('UPLOADED');
  return runImportBatch(ctx, b.id, { onError: (e) => console.error(e) });
}
async function errorsOf(batchId: string, who: Actor = actor) {
  return (await listImportErrors(ctx, who, batchId, { page: 1, pageSize: 500 })).items;
}

/** Counts of registry rows and audit events for some households. */
async function snapshotCounts(householdNos: string[]) {
  return one<Record<"households" | "members" | "persons" | "incomes" | "categories" | "audit" | "audit_registry_total", number>>(
    `SELECT
       (SELECT count(*)::int FROM households WHERE household_no = ANY($1)) AS households,
       (SELECT count(*)::int FROM household_members m JOIN households h ON h.id = m.household_id WHERE h.household_no = ANY($1)) AS members,
       (SELECT count(*)::int FROM persons p JOIN household_members m ON m.person_id = p.id JOIN households h ON h.id = m.household_id WHERE h.household_no = ANY($1)) AS persons,
       (SELECT count(*)::int FROM income_items i JOIN households h ON h.id = i.household_id WHERE h.household_no = ANY($1)) AS incomes,
       (SELECT count(*)::int FROM household_categories c JOIN households h ON h.id = c.household_id WHERE h.household_no = ANY($1)) AS categories,
       (SELECT count(*)::int FROM audit_events a JOIN households h ON h.id = a.household_id WHERE h.household_no = ANY($1)) AS audit,
       (SELECT count(*)::int FROM audit_events WHERE entity_type IN ('household', 'person')) AS audit_registry_total`,
    [householdNos],
  );
}

function twoHouseholds() {
  const h1 = uniqueHouseholdNo();
  const h2 = uniqueHouseholdNo();
  const rows: TemplateRow[] = [
    memberRow({ 户编号: h1, 姓名: '张三', 身份证号: uniqueIdNumber({ sex: 'M' }), 联系电话: '13912345678', 保障类别: '低保、防返贫监测', 认定日期: '2025-07-01', '年工资性收入(元)': '12000', '年转移净收入(元)': 3600.5 }),
    memberRow({ 户编号: h1, 姓名: '李梅', 身份证号: uniqueIdNumber({ sex: 'F' }), 与户主关系: '配偶', 家庭住址: '', 残疾类别: '肢体残疾', 残疾等级: '二级' }),
    memberRow({ 户编号: h2, '村(社区)代码': VILLAGE_B, 城乡类别: 'RURAL', 家庭住址: '慈幼巷3号', 姓名: '王五', 身份证号: uniqueIdNumber(), 保障类别: '特困' }),
  ];
  return { h1, h2, rows };
}

describe('registry import: a clean file', () => {
  it('creates households, persons, members, categories, incomes and audit events in one go', async () => {
    const { h1, h2, rows } = twoHouseholds();
    const b = await importFile('名单.csv', csvFile(toGrid(rows)));
    expect(b).toMatchObject({ status: 'APPLIED', totalRows: 3, processedRows: 3, errorCount: 0, householdsCreated: 2, householdsUpdated: 0, membersCreated: 3, membersUpdated: 0, unchangedRows: 0 });
    expect(b.startedAt).not.toBeNull();
    expect(b.finishedAt).not.toBeNull();

    const h = await one(
      `SELECT h.*, p.name AS head_person_name FROM households h LEFT JOIN persons p ON p.id = h.head_person_id WHERE household_no = $1`,
      [h1],
    );
    expect(h).toMatchObject({ county_code: '630102', region_code: VILLAGE_A, address: '东关大街1号', urban_rural: 'URBAN', member_count: 2, head_name: '张三', head_person_name: '张三', status: 'ACTIVE' });
    expect(h.categories).toEqual(['DIBAO', 'FANGFANPIN']);
    const spouse = await one(`SELECT p.*, p.birth_date::text AS birth, m.relationship FROM persons p JOIN household_members m ON m.person_id = p.id WHERE m.household_id = $1 AND m.relationship = 'SPOUSE'`, [h.id]);
    expect(spouse).toMatchObject({ name: '李梅', sex: 'F', disability_category: 'PHYSICAL', disability_grade: 2, county_code: '630102' });
    const cats = await q(`SELECT category, effective_from::text AS f, source FROM household_categories WHERE household_id = $1 ORDER BY category`, [h.id]);
    expect(cats).toEqual([{ category: 'DIBAO', f: '2025-07-01', source: 'DECLARED' }, { category: 'FANGFANPIN', f: '2025-07-01', source: 'DECLARED' }]);
    const incomes = await q(
      `SELECT income_type, amount_fen::int AS fen, period_start::text AS s, period_end::text AS e, source, source_detail FROM income_items WHERE household_id = $1 ORDER BY income_type`,
      [h.id],
    );
    expect(incomes).toEqual([
      { income_type: 'TRANSFER', fen: 360050, s: '2025-03-01', e: '2026-02-28', source: 'DECLARED', source_detail: '导入文件“名单.csv”' },
      { income_type: 'WAGE', fen: 1200000, s: '2025-03-01', e: '2026-02-28', source: 'DECLARED', source_detail: '导入文件“名单.csv”' },
    ]);
    const h2row = await one(`SELECT urban_rural, region_code, categories, member_count FROM households WHERE household_no = $1`, [h2]);
    expect(h2row).toEqual({ urban_rural: 'RURAL', region_code: VILLAGE_B, categories: ['TEKUN'], member_count: 1 });

    const audit = await q(`SELECT action, entity_type, county_code, source, actor_id, before, after FROM audit_events WHERE household_id = $1 ORDER BY seq`, [h.id]);
    expect(audit.map((a) => a.action)).toEqual(['household.create', 'person.create', 'person.create']);
    expect(audit.every((a) => a.source === 'IMPORT' && a.county_code === '630102' && a.actor_id === actor.id)).toBe(true);
    expect(audit[0]!.after).toMatchObject({ householdNo: h1, memberCount: 2, categories: ['DIBAO', 'FANGFANPIN'] });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('re-importing the same file changes nothing', async () => {
    const { h1, h2, rows } = twoHouseholds();
    const file = csvFile(toGrid(rows));
    await importFile('a.csv', file);
    const before = await snapshotCounts([h1, h2]);
    const again = await importFile('a.csv', file);
    expect(again).toMatchObject({ status: 'APPLIED', householdsCreated: 0, householdsUpdated: 0, membersCreated: 0, membersUpdated: 0, unchangedRows: 3 });
    expect(await snapshotCounts([h1, h2])).toEqual(before);
  });

  it('names of members imported together are kept in member order, so refreshing an unchanged household rewrites nothing', async () => {
    // Members of one import share joining date and creation time; the member id breaks the tie
    // (migration 20261129193156), else each refresh could reorder the names and rewrite the row.
    const h1 = uniqueHouseholdNo();
    const names = ['甲一', '乙二', '丙三', '丁四', '戊五'];
    const rows = names.map((name, i) => memberRow({ 户编号: h1, 姓名: name, 与户主关系: i === 0 ? '户主' : '子女' }));
    await importFile('同批.csv', csvFile(toGrid(rows)));
    const h = await one<{ id: string; member_names: string; xmin: string }>(`SELECT id, member_names, xmin::text FROM households WHERE household_no = $1`, [h1]);
    const byId = await q<{ name: string }>(
      `SELECT p.name FROM household_members m JOIN persons p ON p.id = m.person_id WHERE m.household_id = $1 ORDER BY m.id`,
      [h.id],
    );
    expect(h.member_names).toBe(byId.map((r) => ` ${r.name}`).join(''));
    for (let i = 0; i < 3; i++) await q(`SELECT refresh_household_member_names(ARRAY[$1::uuid])`, [h.id]);
    expect((await one<{ xmin: string }>(`SELECT xmin::text FROM households WHERE id = $1`, [h.id])).xmin).toBe(h.xmin);
  });

  it('members imported together are listed head first, then eldest first, the same on every read (detail page and engine facts)', async () => {
    const h1 = uniqueHouseholdNo();
    const rows = [
      memberRow({ 户编号: h1, 姓名: '小女儿', 身份证号: uniqueIdNumber({ sex: 'F' }), 与户主关系: '子女' }),
      memberRow({ 户编号: h1, 姓名: '老母亲', 身份证号: uniqueIdNumber({ sex: 'F' }), 与户主关系: '父母' }),
      memberRow({ 户编号: h1, 姓名: '户主本人', 身份证号: uniqueIdNumber({ sex: 'M' }), 与户主关系: '户主' }),
      memberRow({ 户编号: h1, 姓名: '大儿子', 身份证号: uniqueIdNumber({ sex: 'M' }), 与户主关系: '子女' }),
    ];
    await importFile('顺序.csv', csvFile(toGrid(rows)));
    const { id } = await one<{ id: string }>(`SELECT id FROM households WHERE household_no = $1`, [h1]);
    // the others by birth date (random in the identity numbers), then member id
    const others = await q<{ name: string }>(
      `SELECT p.name FROM persons p JOIN household_members m ON m.person_id = p.id WHERE m.household_id = $1 AND m.relationship <> 'HEAD' ORDER BY p.birth_date, m.id`,
      [id],
    );
    const expected = ['户主本人', ...others.map((o) => o.name)];
    expect(expected).toHaveLength(4);
    expect((await listMembers(database.db, id)).map((m) => m.person.name)).toEqual(expected);
    expect((await loadHouseholdFacts(database.db, [id])).get(id)!.facts.members.map((m) => m.name)).toEqual(expected);
  });

  it('an updated file updates by identity number and 户编号, with before → after in the audit trail', async () => {
    const { h1, h2, rows } = twoHouseholds();
    await importFile('v1.csv', csvFile(toGrid(rows)));
    const before = await snapshotCounts([h1, h2]);
    rows[0]!['联系电话'] = '13800001111';
    const b = await importFile('v2.csv', csvFile(toGrid(rows)));
    expect(b).toMatchObject({ status: 'APPLIED', membersUpdated: 1, membersCreated: 0, householdsUpdated: 0, unchangedRows: 2 });
    const after = await snapshotCounts([h1, h2]);
    expect(after).toEqual({ ...before, audit: before.audit + 1, audit_registry_total: before.audit_registry_total + 1 });
    const [ev] = await q(
      `SELECT a.action, a.before, a.after, a.entity_id FROM audit_events a JOIN households h ON h.id = a.household_id
        WHERE h.household_no = $1 ORDER BY a.seq DESC LIMIT 1`,
      [h1],
    );
    expect(ev).toMatchObject({ action: 'person.update', before: { phone: '13912345678' }, after: { phone: '13800001111' } });
    const p = await one(`SELECT phone FROM persons WHERE id = $1`, [ev!.entity_id]);
    expect(p.phone).toBe('13800001111');
  });

  it('救助认定信息 (R15, R53, R56): 供养方式 and the self-care assessment are stored for the engine; the same file again writes nothing; a new assessment and an exclusion replace the old, the other facts stay', async () => {
    const h = uniqueHouseholdNo();
    const rows: TemplateRow[] = [
      memberRow({
        户编号: h, 姓名: '旦正', 身份证号: uniqueIdNumber(), 保障类别: '特困',
        供养方式: '集中供养', 供养机构: '城东区中心敬老院', 供养起始日期: '2025-01-01', 不能自理项目: '洗澡、不能自主穿衣', 自理能力评估日期: '2026/1/10',
      }),
    ];
    const first = await importFile('tekun-v1.csv', csvFile(toGrid(rows)));
    expect(first).toMatchObject({ status: 'APPLIED', householdsCreated: 1, membersCreated: 1 });
    const { id: householdId } = await one<{ id: string }>('SELECT id FROM households WHERE household_no = $1', [h]);
    const member = (await loadHouseholdFacts(database.db, [householdId])).get(householdId)!.facts.members[0]!;
    expect(member.support).toEqual({ mode: 'INSTITUTIONAL', institution: '城东区中心敬老院', homeCondition: null, since: '2025-01-01' });
    expect(member.selfCare).toEqual({ eating: true, dressing: false, gettingInOutOfBed: true, usingToilet: true, walkingIndoors: true, bathing: false, assessedOn: '2026-01-10' });
    const events = async () =>
      q<{ action: string; before: Q | null; after: Q }>(
        `SELECT a.action, a.before, a.after FROM audit_events a WHERE a.household_id = $1 AND a.action = 'person.policy-facts' ORDER BY a.seq`,
        [householdId],
      );
    expect((await events()).map((e) => e.after._name)).toEqual(['旦正']);

    const again = await importFile('tekun-v1-again.csv', csvFile(toGrid(rows)));
    expect(again).toMatchObject({ status: 'APPLIED', membersUpdated: 0, unchangedRows: 1 });
    expect(await events()).toHaveLength(1);

    // An officer records obligors on the household page; a later assessment by import keeps them.
    await q(`UPDATE person_policy_facts SET obligors = '[]'::jsonb WHERE person_id = (SELECT person_id FROM household_members WHERE household_id = $1)`, [householdId]);
    rows[0]!['不能自理项目'] = '无';
    rows[0]!['自理能力评估日期'] = '2026-02-20';
    rows[0]!['供养方式'] = '';
    rows[0]!['供养机构'] = '';
    rows[0]!['供养起始日期'] = '';
    rows[0]!['不计入家庭人口原因'] = '服刑';
    const updated = await importFile('tekun-v2.csv', csvFile(toGrid(rows)));
    expect(updated).toMatchObject({ status: 'APPLIED', membersUpdated: 1 });
    const facts = await one<Q>(`SELECT means_test_exclusion, self_care, support, obligors FROM person_policy_facts WHERE person_id = (SELECT person_id FROM household_members WHERE household_id = $1)`, [householdId]);
    expect(facts).toMatchObject({
      means_test_exclusion: 'PRISON',
      self_care: { eating: true, dressing: true, bathing: true, assessedOn: '2026-02-20' },
      support: { mode: 'INSTITUTIONAL', since: '2025-01-01' },
      obligors: [],
    });
    const last = (await events()).at(-1)!;
    expect(last.before).toMatchObject({ selfCare: { bathing: false }, obligors: [] });
    expect(last.after).toMatchObject({ selfCare: { bathing: true, assessedOn: '2026-02-20' }, obligors: [], _name: '旦正' });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('a member missing from the new file is not removed; a new member is added and member_count follows', async () => {
    const { h1, rows } = twoHouseholds();
    await importFile('v1.csv', csvFile(toGrid(rows.slice(0, 2))));
    const child = memberRow({ 户编号: h1, 姓名: '张小', 身份证号: uniqueIdNumber(), 与户主关系: '子女' });
    const b = await importFile('v2.csv', csvFile(toGrid([rows[0]!, child])));
    expect(b).toMatchObject({ status: 'APPLIED', membersCreated: 1, householdsUpdated: 1, unchangedRows: 1 });
    const h = await one(`SELECT id, member_count FROM households WHERE household_no = $1`, [h1]);
    expect(h.member_count).toBe(3);
    const active = await one(`SELECT count(*)::int AS n FROM household_members WHERE household_id = $1 AND active`, [h.id]);
    expect(active.n).toBe(3);
  });
});

describe('registry import: errors', () => {
  it('a file with bad rows is INVALID, nothing is written, and every error names row, column and message', async () => {
    const hh = uniqueHouseholdNo();
    const rows = [
      memberRow({ 户编号: hh, 身份证号: '6.30102E+17' }),
      memberRow({ 户编号: hh, 与户主关系: '配偶', 出生日期: '不详', '年工资性收入(元)': '12.345' }),
      memberRow({ 户编号: hh, 与户主关系: '子女', 城乡类别: '牧区', '村(社区)代码': VILLAGE_OTHER_COUNTY }),
    ];
    const before = await one(`SELECT count(*)::int AS n FROM persons`);
    const b = await importFile('bad.csv', csvFile(toGrid(rows)));
    expect(b).toMatchObject({ status: 'INVALID', totalRows: 3, errorCount: 6, householdsCreated: 0, membersCreated: 0 });
    expect((await one(`SELECT count(*)::int AS n FROM households WHERE household_no = $1`, [hh])).n).toBe(0);
    expect((await one(`SELECT count(*)::int AS n FROM persons`)).n).toBe(before.n);
    const errs = await errorsOf(b.id);
    expect(errs.map((e) => [e.rowNo, e.column, e.code])).toEqual([
      [2, '身份证号', 'ID_NUMBER_PRECISION_LOST'],
      [3, '出生日期', 'CELL_DATE_INVALID'],
      [3, '年工资性收入(元)', 'CELL_MONEY_PRECISION'],
      [4, '村(社区)代码', 'IMPORT_REGION_OUT_OF_SCOPE'],
      [4, '村(社区)代码', 'IMPORT_HOUSEHOLD_FIELD_CONFLICT'],
      [4, '城乡类别', 'IMPORT_CODE_UNKNOWN'],
    ]);
    expect(errs[0]).toMatchObject({ value: '6.30102E+17' });
    expect(errs[0]!.message).toContain('科学计数法');
    expect(errs[1]!.message).toBe('“不详”不是有效的日期，请填写如1980-01-01或1980年1月1日');
    expect(errs[3]!.message).toBe(`村（社区）代码${VILLAGE_OTHER_COUNTY}不在您的管辖范围内`);
    expect(errs[5]!.message).toBe('城乡类别“牧区”无法识别，可填写：城市、农村');

    // Fixed → APPLIED
    rows[0]!['身份证号'] = uniqueIdNumber();
    rows[1]!['出生日期'] = '';
    rows[1]!['年工资性收入(元)'] = '12.34';
    rows[2]!['城乡类别'] = '城市';
    rows[2]!['村(社区)代码'] = VILLAGE_A;
    const fixed = await importFile('bad.csv', csvFile(toGrid(rows)));
    expect(fixed).toMatchObject({ status: 'APPLIED', householdsCreated: 1, membersCreated: 3, errorCount: 0 });
  });

  it('reports household rules: no head, two heads, disagreeing rows, duplicate identity numbers', async () => {
    const [a, b, c] = [uniqueHouseholdNo(), uniqueHouseholdNo(), uniqueHouseholdNo()];
    const dup = uniqueIdNumber();
    const rows = [
      memberRow({ 户编号: a, 与户主关系: '配偶' }),
      memberRow({ 户编号: b }),
      memberRow({ 户编号: b, 与户主关系: '本人' }),
      memberRow({ 户编号: c, 身份证号: dup }),
      memberRow({ 户编号: c, 身份证号: dup, 与户主关系: '子女', '村(社区)代码': VILLAGE_B }),
    ];
    const r = await importFile('rules.csv', csvFile(toGrid(rows)));
    expect(r.status).toBe('INVALID');
    const errs = await errorsOf(r.id);
    expect(errs.map((e) => [e.rowNo, e.column, e.code])).toEqual([
      [2, '与户主关系', 'IMPORT_HEAD_MISSING'],
      [4, '与户主关系', 'IMPORT_HEAD_MULTIPLE'],
      [6, '村(社区)代码', 'IMPORT_HOUSEHOLD_FIELD_CONFLICT'],
      [6, '身份证号', 'IMPORT_ID_DUPLICATE'],
    ]);
    expect(errs[3]!.message).toBe('身份证号与第5行重复，同一人在文件中只能出现一次');
  });

  it('a person active in another household is refused, naming that household', async () => {
    const first = twoHouseholds();
    await importFile('first.csv', csvFile(toGrid(first.rows)));
    const other = uniqueHouseholdNo();
    const moved = memberRow({ 户编号: other, 身份证号: first.rows[1]!['身份证号'], 姓名: '李梅' });
    const r = await importFile('second.csv', csvFile(toGrid([moved])));
    expect(r.status).toBe('INVALID');
    const [e] = await errorsOf(r.id);
    expect(e).toMatchObject({ rowNo: 2, column: '身份证号', code: 'REGISTRY_PERSON_IN_OTHER_HOUSEHOLD' });
    expect(e!.message).toBe(`此人已是户编号${first.h1}家庭的成员，一人只能属于一个家庭；如需迁户，请在家庭页面办理`);
    expect((await one(`SELECT count(*)::int AS n FROM households WHERE household_no = $1`, [other])).n).toBe(0);
  });

  it('a village outside the uploader\'s scope is refused', async () => {
    const zeku = toActor(await createTestUser(database, { regionCode: '632323' }));
    const r = await importFile('scope.csv', csvFile(toGrid([memberRow({ 户编号: uniqueHouseholdNo() })])), zeku);
    expect(r.status).toBe('INVALID');
    const errs = await errorsOf(r.id, zeku);
    expect(errs.map((e) => e.code)).toEqual(['IMPORT_REGION_OUT_OF_SCOPE']);
  });

  it('a file without the header row, with a missing column, or with no data rows is INVALID', async () => {
    const noHeader = await importFile('x.csv', csvFile([['a', 'b'], ['1', '2']]));
    expect((await errorsOf(noHeader.id)).map((e) => [e.rowNo, e.code])).toEqual([[0, 'IMPORT_HEADER_NOT_FOUND']]);
    const missing = await importFile('y.csv', csvFile([['姓名', '身份证号', '户编号', '城乡类别', '与户主关系'], ['张三', uniqueIdNumber(), 'H', '城市', '户主']]));
    expect((await errorsOf(missing.id)).map((e) => [e.rowNo, e.column, e.code])).toEqual([[1, '村(社区)代码', 'IMPORT_COLUMN_MISSING']]);
    const empty = await importFile('z.csv', csvFile(toGrid([]), {}));
    expect(empty.status).toBe('INVALID');
  });

  it('refuses unsupported, empty and already-running uploads', async () => {
    await expect(createImportBatch(ctx, actor, { fileName: 'a.xls', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]) })).rejects.toMatchObject({ code: 'IMPORT_FILE_TYPE' });
    await expect(createImportBatch(ctx, actor, { fileName: 'a.xlsx', content: Buffer.from('not a zip') })).rejects.toMatchObject({ code: 'IMPORT_FILE_TYPE' });
    await expect(createImportBatch(ctx, actor, { fileName: 'a.csv', content: Buffer.alloc(0) })).rejects.toMatchObject({ code: 'IMPORT_FILE_EMPTY' });
    const file = csvFile(toGrid([memberRow({ 户编号: uniqueHouseholdNo() })]));
    const b = await createImportBatch(ctx, actor, { fileName: 'run.csv', content: file });
    await expect(createImportBatch(ctx, actor, { fileName: 'run.csv', content: file })).rejects.toMatchObject({ code: 'IMPORT_ALREADY_RUNNING' });
    await runImportBatch(ctx, b.id);
  });
});

describe('registry import: messy real-world files', () => {
  it('xlsx with a merged title row, headers with spaces and full-width forms, columns in another order, trailing empty rows', async () => {
    const hh = uniqueHouseholdNo();
    const headId = uniqueIdNumber({ sex: 'M' });
    const xId = (() => {
      for (;;) {
        const id = uniqueIdNumber();
        if (id.endsWith('X')) return id;
      }
    })();
    const fullWidth = uniqueIdNumber();
    const zhao = uniqueIdNumberWithBirth('1990-01-02');
    const qian = uniqueIdNumberWithBirth('1980-01-01');
    const headers = [' 姓 名 *', '身份证号（必填）', '备注', '户编号', '村（社区）代码*', '城乡类别', '与户主关系', '出生日期', '联系电话', '年工资性收入（元）'];
    const grid: unknown[][] = [
      headers,
      ['张 三', ` ${headId.slice(0, 6)} ${headId.slice(6)} `, '随便写', hh, Number(VILLAGE_A), '城市', '户主', new Date(`${headId.slice(6, 10)}-${headId.slice(10, 12)}-${headId.slice(12, 14)}T00:00:00Z`), '139 1234 5678', 5000],
      ['李四', xId.slice(0, 17) + 'x', null, hh, VILLAGE_A, '城市', '配偶', `${xId.slice(6, 10)}/${Number(xId.slice(10, 12))}/${Number(xId.slice(12, 14))}`, null, '1,200.50'],
      ['王五', fullWidth.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), null, hh, VILLAGE_A, '城市', '子女', fullWidth.slice(6, 14), null, null],
      ['赵六', zhao, null, hh, VILLAGE_A, '城市', '子女', '1990年1月2日', null, null],
      ['钱七', qian, null, hh, VILLAGE_A, '城市', '子女', 29221, null, null],
    ];
    const file = await xlsxFile(grid, { title: '城东区低收入家庭名单（2026年）', trailingEmptyRows: 5 });
    const b = await importFile('名单.xlsx', file);
    expect(b).toMatchObject({ status: 'APPLIED', totalRows: 5, membersCreated: 5, householdsCreated: 1 });
    const people = await q(
      `SELECT p.name, p.id_number, p.phone FROM persons p JOIN household_members m ON m.person_id = p.id JOIN households h ON h.id = m.household_id WHERE h.household_no = $1 ORDER BY p.name`,
      [hh],
    );
    expect(people.map((p) => p.id_number).sort()).toEqual([headId, xId, fullWidth, zhao, qian].sort());
    expect(people.find((p) => p.name === '张 三')?.phone).toBe('13912345678');
  });

  it('xlsx with identity numbers stored as numbers or in scientific notation gets the precision message', async () => {
    const hh = uniqueHouseholdNo();
    const grid = toGrid([
      memberRow({ 户编号: hh, 身份证号: 630102198001010000 }),
      memberRow({ 户编号: hh, 与户主关系: '子女', 身份证号: '6.30102198001E+17' }),
      memberRow({ 户编号: hh, 与户主关系: '子女', 银行账号: 6230000000000000000 }),
    ]);
    const b = await importFile('数字.xlsx', await xlsxFile(grid));
    expect(b.status).toBe('INVALID');
    const errs = await errorsOf(b.id);
    expect(errs.map((e) => [e.rowNo, e.column, e.code])).toEqual([
      [2, '身份证号', 'ID_NUMBER_PRECISION_LOST'],
      [3, '身份证号', 'ID_NUMBER_PRECISION_LOST'],
      [4, '银行账号', 'IMPORT_NUMBER_PRECISION_LOST'],
    ]);
    expect(errs[0]!.message).toMatch(/^身份证号在Excel中被存成了数字/);
  });

  it('GB18030-encoded CSV (Excel on Chinese Windows) and UTF-8 without BOM', async () => {
    const hh = uniqueHouseholdNo();
    const grid = toGrid([memberRow({ 户编号: hh, 姓名: '才让卓玛', 家庭住址: '东关大街一号' })]);
    const gbk = await importFile('gbk.csv', gbkCsvFile(grid));
    expect(gbk.status).toBe('APPLIED');
    expect((await one(`SELECT head_name, address FROM households WHERE household_no = $1`, [hh]))).toEqual({ head_name: '才让卓玛', address: '东关大街一号' });
    const hh2 = uniqueHouseholdNo();
    const noBom = await importFile('nobom.csv', csvFile(toGrid([memberRow({ 户编号: hh2, 姓名: '马明' })]), { bom: false }));
    expect(noBom.status).toBe('APPLIED');
  });
});

/** A fresh identity number with a given birth date. */
function uniqueIdNumberWithBirth(birth: string): string {
  const body = uniqueIdNumber().slice(0, 6) + birth.replace(/-/g, '') + String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  return body + computeIdCheckChar(body);
}

describe('registry import: job, progress and restarts', () => {
  it('runs through the job queue, counts progress, and re-running a finished batch does nothing', async () => {
    const jobs = new InlineQueue();
    const jctx: ServiceContext = { database, clock, jobs };
    await registerJobHandlers(jobs, jctx, { error: () => undefined, info: () => undefined });
    const hh = uniqueHouseholdNo();
    const rows: TemplateRow[] = [memberRow({ 户编号: hh })];
    for (let i = 0; i < 2499; i++) rows.push(memberRow({ 户编号: hh, 姓名: `成员${i}`, 与户主关系: '其他' }));
    const b = await createImportBatch(jctx, actor, { fileName: 'big.csv', content: csvFile(toGrid(rows)) });
    await jobs.drain();
    expect(jobs.errors).toEqual([]);
    const done = await runImportBatch(jctx, b.id);
    expect(done).toMatchObject({ status: 'APPLIED', totalRows: 2500, processedRows: 2500, membersCreated: 2500 });
    expect((await one(`SELECT member_count FROM households WHERE household_no = $1`, [hh])).member_count).toBe(2500);
  });

  it('resumeImportBatches re-enqueues batches left UPLOADED, VALIDATING or APPLYING', async () => {
    const ids: string[] = [];
    for (const status of ['UPLOADED', 'VALIDATING', 'APPLYING']) {
      const b = await createImportBatch(ctx, actor, { fileName: `${status}.csv`, content: csvFile(toGrid([memberRow({ 户编号: uniqueHouseholdNo() })])) });
      await q(`UPDATE import_batches SET status = $2, processed_rows = 7 WHERE id = $1`, [b.id, status]);
      ids.push(b.id);
    }
    const jobs = new InlineQueue();
    const jctx: ServiceContext = { database, clock, jobs };
    await registerJobHandlers(jobs, jctx, { error: () => undefined, info: () => undefined });
    expect(await resumeImportBatches(jctx)).toBeGreaterThanOrEqual(3);
    await jobs.drain();
    expect(jobs.errors).toEqual([]);
    const statuses = await q(`SELECT status FROM import_batches WHERE id = ANY($1::uuid[])`, [ids]);
    expect(statuses.map((s) => s.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    expect(await resumeImportBatches(jctx)).toBe(0);
  });

  it('an unexpected error marks the batch FAILED with a failure code and writes nothing', async () => {
    const b = await createImportBatch(ctx, actor, { fileName: 'gone.csv', content: csvFile(toGrid([memberRow({ 户编号: uniqueHouseholdNo() })])) });
    await q(`DELETE FROM import_files WHERE batch_id = $1`, [b.id]);
    const errors: unknown[] = [];
    const r = await runImportBatch(ctx, b.id, { onError: (e) => errors.push(e) });
    expect(r).toMatchObject({ status: 'FAILED', failureCode: 'IMPORT_FILE_MISSING' });
    expect(errors).toHaveLength(1);
  });
});

describe('registry import: the income window comes from P04 (R18)', () => {
  it('uses a county override of P04 for the default income period', async () => {
    // A county (城东区) override: 6 months, in force since 2025-01-01.
    await q(
      `INSERT INTO policy_parameters (code, name, region_code, urban_rural, effective_from, value, confidence, basis, status)
       VALUES ('P04', '收入计算期', '630102', 'ALL', '2025-01-01', '6'::jsonb, 'PLACEHOLDER', 'R18 [L] test', 'APPROVED')`,
    );
    try {
      const hh = uniqueHouseholdNo();
      const b = await importFile('p04.csv', csvFile(toGrid([memberRow({ 户编号: hh, '年工资性收入(元)': '6000' })])));
      expect(b.status).toBe('APPLIED');
      const inc = await one<{ period_start: string; period_end: string }>(
        `SELECT i.period_start::text, i.period_end::text FROM income_items i JOIN households h ON h.id = i.household_id WHERE h.household_no = $1`,
        [hh],
      );
      // Import dated 2026-03-02 (the fake clock): 6 full months before it.
      expect(inc).toEqual({ period_start: '2025-09-01', period_end: '2026-02-28' });
    } finally {
      await q(`DELETE FROM policy_parameters WHERE basis = 'R18 [L] test'`);
    }
  });
});
