import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/db.js';
import { FakeClock } from '../../../test/clock.js';
import { createTestUser } from '../../../test/builders/users.js';
import { VILLAGE_A, VILLAGE_B, VILLAGE_OTHER_COUNTY, csvFile, memberRow, toGrid, uniqueHouseholdNo, uniqueIdNumber } from '../../../test/builders/import-files.js';
import { toActor } from '../access/auth.js';
import type { ServiceContext } from '../context.js';
import { createImportBatch, runImportBatch } from '../registry/import-households.js';
import { loadFactsWindow, loadHouseholdFacts } from './load-household-facts.js';

// Batch re-assessment reads a county's facts a window of households at a time (issue 3 §8); an
// officer's 核算 reads one household by id. Both must hand the engine exactly the same facts.
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

describe('household facts by window and by id', () => {
  it('reads the facts the engine needs: members in the household page order, times as ISO text', async () => {
    const a = (await loadHouseholdFacts(database.db, [ids.a])).get(ids.a)!.facts;
    expect(a.members.map((m) => m.name)).toEqual(['马学军', '马秀兰']);
    expect(a.incomes.map((i) => [i.incomeType, i.amountFen, i.periodStart]).sort()).toEqual([
      ['TRANSFER', 60_050, '2025-01-01'],
      ['WAGE', 1_200_000, '2025-01-01'],
    ]);
    expect(a.incomes[0]!.provenance.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // in the order asked for; unknown ids are absent
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect([...(await loadHouseholdFacts(database.db, [ids.other, unknown, ids.a])).keys()]).toEqual([ids.other, ids.a]);
  });

  it('walks the region in windows of consecutive households in (county, household number) order, never spanning two counties, with the same facts as by id', async () => {
    const county630102 = nos.a < nos.b ? [ids.a, ids.b] : [ids.b, ids.a];
    for (const [size, expected] of [
      [1, [['630102', [county630102[0]]], ['630102', [county630102[1]]], ['630103', [ids.other]]]],
      [2, [['630102', county630102], ['630103', [ids.other]]]],
      [10, [['630102', county630102], ['630103', [ids.other]]]],
    ] as const) {
      const walked: [string, string[]][] = [];
      let w = await loadFactsWindow(database.db, '6301', null, size);
      while (w) {
        walked.push([w.countyCode, w.ids]);
        expect([...w.facts.keys()]).toEqual(w.ids);
        const byId = await loadHouseholdFacts(database.db, w.ids);
        for (const id of w.ids) expect(w.facts.get(id)).toEqual(byId.get(id));
        w = await loadFactsWindow(database.db, '6301', w.ids[w.ids.length - 1]!, size);
      }
      expect(walked, `window of ${size}`).toEqual(expected);
    }
    // A window starts after the cursor, within the region only.
    expect((await loadFactsWindow(database.db, '6301', county630102[0]!, 10))?.ids).toEqual([county630102[1]]);
    expect(await loadFactsWindow(database.db, '6302', null, 10)).toBeNull();
  });

  it('a window holds only households under the region, and only active ones', async () => {
    const all = async (region: string) => {
      const seen: string[] = [];
      for (let w = await loadFactsWindow(database.db, region, null, 10); w; w = await loadFactsWindow(database.db, region, w.ids[w.ids.length - 1]!, 10)) seen.push(...w.facts.keys());
      return seen;
    };
    expect(await all('630102')).toContain(ids.a);
    expect(await all('630103')).toEqual([ids.other]);
    await q(`UPDATE households SET status = 'CLOSED' WHERE id = $1`, [ids.b]);
    try {
      expect(await all('6301')).not.toContain(ids.b);
    } finally {
      await q(`UPDATE households SET status = 'ACTIVE' WHERE id = $1`, [ids.b]);
    }
  });
});
