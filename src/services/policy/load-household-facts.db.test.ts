import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/db.js';
import { FakeClock } from '../../../test/clock.js';
import { createTestUser } from '../../../test/builders/users.js';
import { VILLAGE_A, VILLAGE_B, VILLAGE_OTHER_COUNTY, csvFile, memberRow, toGrid, uniqueHouseholdNo, uniqueIdNumber } from '../../../test/builders/import-files.js';
import { toActor } from '../access/auth.js';
import type { ServiceContext } from '../context.js';
import { createImportBatch, runImportBatch } from '../registry/import-households.js';
import { findIdSpan } from '../../db/repos/household-facts.repo.js';
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
    expect([a.categories, a.urbanRural, a.countyCode, a.householdNo]).toEqual([['DIBAO'], 'URBAN', '630102', nos.a]);
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

  it('reads each value as stored: nulls, numbers and JSON, and free text holding the marks the packed columns use', async () => {
    // Most columns travel packed in one text per row (household-facts.repo.ts); free text travels
    // on its own, so a name or note holding U+001F / U+001A must come back unchanged.
    const [m] = await q<{ person_id: string }>(`SELECT m.person_id FROM household_members m WHERE m.household_id = $1`, [ids.other]);
    const personId = m!.person_id;
    const odd = '卓玛\u001f\u001a';
    await q(`UPDATE persons SET name = $2, serious_illness = $3, labour_capacity = NULL, disability_category = 'MULTIPLE', disability_grade = 2 WHERE id = $1`, [personId, odd, '尿毒症\u001a']);
    await q(
      `INSERT INTO person_policy_facts (person_id, county_code, means_test_exclusion, self_care, obligors, support, disability_components, job_referrals)
       VALUES ($1, '630103', NULL, $2, $3, $4, $5, $6)`,
      [
        personId,
        JSON.stringify({ eat: true, dress: false, assessedOn: '2026-01-05' }),
        JSON.stringify([{ name: '扎西\u001f', relationship: 'CHILD', inabilityGround: null }]),
        JSON.stringify({ mode: 'INSTITUTIONAL', institution: '互助县\u001f敬老院', homeCondition: null, since: '2025-07-01' }),
        JSON.stringify([{ category: 'VISUAL', grade: 2 }, { category: 'HEARING', grade: 3 }]),
        JSON.stringify([{ referredOn: '2026-03-02', position: '保洁员\u001f', outcome: 'REFUSED_UNJUSTIFIED', note: null }]),
      ],
    );
    await q(
      `INSERT INTO income_items (county_code, household_id, person_id, income_type, period_start, period_end, amount_fen, source, source_detail, note)
       VALUES ('630103', $1, NULL, 'PROPERTY', '2025-01-01', '2025-12-31', 123456789012, 'INVESTIGATED', $2, $3)`,
      [ids.other, '入户\u001a核查', '备注\u001f'],
    );
    const f = (await loadHouseholdFacts(database.db, [ids.other])).get(ids.other)!.facts;
    expect(f.categories).toEqual([]);
    expect(f.members).toHaveLength(1);
    expect(f.members[0]).toMatchObject({
      personId,
      name: odd,
      seriousIllness: '尿毒症\u001a',
      labourCapacity: null,
      disabilityCategory: 'MULTIPLE',
      disabilityGrade: 2,
      exclusion: null,
      selfCare: { eat: true, dress: false, assessedOn: '2026-01-05' },
      obligors: [{ name: '扎西\u001f', relationship: 'CHILD', inabilityGround: null }],
      support: { mode: 'INSTITUTIONAL', institution: '互助县\u001f敬老院', homeCondition: null, since: '2025-07-01' },
      disabilityComponents: [{ category: 'VISUAL', grade: 2 }, { category: 'HEARING', grade: 3 }],
      jobReferrals: [{ referredOn: '2026-03-02', position: '保洁员\u001f', outcome: 'REFUSED_UNJUSTIFIED', note: null }],
    });
    const income = f.incomes.find((i) => i.incomeType === 'PROPERTY')!;
    expect(income).toMatchObject({ personId: null, periodStart: '2025-01-01', periodEnd: '2025-12-31', amountFen: 123_456_789_012, note: '备注\u001f' });
    expect(income.provenance).toMatchObject({ source: 'INVESTIGATED', detail: '入户\u001a核查', recordedBy: null });
    expect(income.provenance.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('reads a window whose ids make up a range as that range, leaving out the other households in it', async () => {
    const [lo, mid, hi] = [ids.a, ids.b, ids.other].sort();
    // A span holds the window's ids and at most a quarter more households.
    expect(await findIdSpan(database.db, [lo!, mid!, hi!])).toEqual({ first: lo, last: hi });
    expect(await findIdSpan(database.db, [hi!, lo!])).toBeNull(); // three households lie in that range
    expect(await findIdSpan(database.db, [lo!])).toBeNull();
    // A person-level category recorded under a household of the span that is not in the window
    // is not the window's (by id it is not read either).
    const [m] = await q<{ person_id: string }>(`SELECT person_id FROM household_members WHERE household_id = $1 AND active LIMIT 1`, [lo]);
    const county = (await q<{ county_code: string }>(`SELECT county_code FROM households WHERE id = $1`, [mid]))[0]!.county_code;
    await q(`INSERT INTO household_categories (county_code, household_id, person_id, category, effective_from) VALUES ($1, $2, $3, 'TEKUN', '2025-01-01')`, [county, mid, m!.person_id]);
    try {
      const byId = await loadHouseholdFacts(database.db, [hi!, lo!]);
      const byRange = await loadHouseholdFacts(database.db, [hi!, lo!], { span: { first: lo!, last: hi! } });
      expect([...byRange.keys()]).toEqual([hi, lo]);
      expect(byRange.get(lo!)).toEqual(byId.get(lo!));
      expect(byRange.get(hi!)).toEqual(byId.get(hi!));
      expect(byRange.get(lo!)!.facts.members.flatMap((x) => x.personCategories)).toEqual([]);
    } finally {
      await q(`DELETE FROM household_categories WHERE household_id = $1 AND person_id = $2`, [mid, m!.person_id]);
    }
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
