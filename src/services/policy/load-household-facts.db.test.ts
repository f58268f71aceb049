import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/db.js';
import { FakeClock } from '../../../test/clock.js';
import { createTestUser } from '../../../test/builders/users.js';
import { VILLAGE_A, VILLAGE_B, VILLAGE_OTHER_COUNTY, csvFile, memberRow, toGrid, uniqueHouseholdNo, uniqueIdNumber } from '../../../test/builders/import-files.js';
import { toActor } from '../access/auth.js';
import type { ServiceContext } from '../context.js';
import { createImportBatch, runImportBatch } from '../registry/import-households.js';
import { loadCountyFacts, loadHouseholdFacts } from './load-household-facts.js';

// Batch re-assessment reads a whole county's facts at once (issue 3 §8); an officer's 核算 reads
// one household by id. Both must hand the engine exactly the same facts.
let database: TestDatabase;
let ctx: ServiceContext;
const clock = new FakeClock('2026-03-02T02:00:00.000Z');
const nos = { a: uniqueHouseholdNo('FA'), b: uniqueHouseholdNo('FB'), other: uniqueHouseholdNo('FO') };
let ids: Record<keyof typeof nos, string>;

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return database.rawTransaction((raw) => raw.query<T>(text, params));
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = { database, clock };
  const actor = toActor(await createTestUser(database, { regionCode: '6301' }));
  const income = { '年工资性收入(元)': '12000', '年转移净收入(元)': '600.5', 收入起始日期: '2025-01-01', 收入截止日期: '2025-12-31' };
  const rows = [
    memberRow({ 户编号: nos.a, 姓名: '马学军', 身份证号: uniqueIdNumber({ sex: 'M' }), 保障类别: '低保', 认定日期: '2024-05-01', ...income }),
    memberRow({ 户编号: nos.a, 姓名: '马秀兰', 身份证号: uniqueIdNumber({ sex: 'F' }), 与户主关系: '配偶', 健康状况: '残疾', 残疾类别: '肢体', 残疾等级: '二级' }),
    memberRow({ 户编号: nos.b, '村(社区)代码': VILLAGE_B, 城乡类别: '农村', 姓名: '才让', 身份证号: uniqueIdNumber(), 保障类别: '特困' }),
    memberRow({ 户编号: nos.other, '村(社区)代码': VILLAGE_OTHER_COUNTY, 姓名: '卓玛', 身份证号: uniqueIdNumber({ county: '630103', sex: 'F' }) }),
  ];
  const batch = await createImportBatch(ctx, actor, { fileName: 'facts.csv', content: csvFile(toGrid(rows)) });
  expect((await runImportBatch(ctx, batch.id)).status).toBe('APPLIED');
  const found = await q<{ id: string; household_no: string }>('SELECT id, household_no FROM households WHERE household_no = ANY($1)', [Object.values(nos)]);
  const idOf = (no: string) => found.find((h) => h.household_no === no)!.id;
  ids = { a: idOf(nos.a), b: idOf(nos.b), other: idOf(nos.other) };
});
afterAll(async () => {
  await database?.destroy();
});

describe('household facts by county and by id', () => {
  it('a county read gives every active household of the county with the same facts as reading them by id', async () => {
    const county = await loadCountyFacts(database.db, '630102', '6301');
    const byId = await loadHouseholdFacts(database.db, [ids.a, ids.b]);
    expect(county.get(ids.a)).toEqual(byId.get(ids.a));
    expect(county.get(ids.b)).toEqual(byId.get(ids.b));
    expect(county.has(ids.other)).toBe(false);
    const a = county.get(ids.a)!.facts;
    expect(a.members.map((m) => m.name)).toEqual(['马学军', '马秀兰']);
    expect(a.incomes.map((i) => [i.incomeType, i.amountFen, i.periodStart]).sort()).toEqual([
      ['TRANSFER', 60_050, '2025-01-01'],
      ['WAGE', 1_200_000, '2025-01-01'],
    ]);
    expect(a.incomes[0]!.provenance.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('reads only under the region, and only active households', async () => {
    expect((await loadCountyFacts(database.db, '630102', '630102001004')).has(ids.a)).toBe(false);
    await q(`UPDATE households SET status = 'CLOSED' WHERE id = $1`, [ids.b]);
    try {
      expect((await loadCountyFacts(database.db, '630102', '6301')).has(ids.b)).toBe(false);
    } finally {
      await q(`UPDATE households SET status = 'ACTIVE' WHERE id = $1`, [ids.b]);
    }
  });

  it('a person whose county code differs from the household is still read (never silently missing)', async () => {
    const [p] = await q<{ person_id: string }>('SELECT person_id FROM household_members WHERE household_id = $1 AND active LIMIT 1', [ids.b]);
    await q(`UPDATE persons SET county_code = '630103' WHERE id = $1`, [p!.person_id]);
    const county = await loadCountyFacts(database.db, '630102', '6301');
    expect(county.get(ids.b)).toEqual((await loadHouseholdFacts(database.db, [ids.b])).get(ids.b));
    expect(county.get(ids.b)!.facts.members.map((m) => m.personId)).toEqual([p!.person_id]);
  });
});
