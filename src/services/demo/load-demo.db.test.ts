import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/db.js';
import { FakeClock } from '../../../test/clock.js';
import { createTestUser } from '../../../test/builders/users.js';
import { scopeOf } from '../../domain/access/scope.js';
import { runAssessment } from '../policy/run-assessment.js';
import { searchHouseholds } from '../registry/household-queries.js';
import { loadDemo, twelveMonthsBefore } from './load-demo.js';
import type { AssessmentResult, ExplanationStep } from '../../domain/policy/assessment.types.js';

let database: TestDatabase;
const clock = new FakeClock('2026-11-29T02:00:00.000Z');

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

describe('npm run demo (issue 2 §3, issue 3)', () => {
  it.each([
    ['2026-11-29', '2025-11-01', '2026-10-31'],
    ['2026-01-01', '2025-01-01', '2025-12-31'],
    ['2024-03-31', '2023-03-01', '2024-02-29'],
  ])('on %s the demo incomes cover %s … %s (the 12 whole months before)', (today, start, end) => {
    expect(twelveMonthsBefore(today)).toEqual({ start, end });
  });

  it('loads households with fictional standards and property rules, so a demo household can be assessed; a second run adds no parameters', async () => {
    const ctx = { database, clock };
    const first = await loadDemo(ctx, { households: 30, seed: 'demo-test' });
    expect(first.generated.households).toBe(30);
    // Two policy admins of one county: one proposes a change, the other approves it (issue 3 §1).
    expect(first.accounts.filter((a) => a.role === 'POLICY_ADMIN').map((a) => [a.username, a.regionCode])).toEqual([
      ['demo_policy_admin', '630102'],
      ['demo_policy_admin_2', '630102'],
    ]);
    // The demo's 低保 households found eligible under the demo standards are registered as
    // recipients by the applied runs, each with its stored decision (R4, issue 3 §6).
    expect(first.recipients.assessed).toBe(30);
    const registered = await database.rawTransaction((raw) => raw.query<{ status: string; trigger: string; dibao: boolean }>(
      `SELECT b.status, a.trigger, 'DIBAO' = ANY(h.categories) AS dibao FROM benefit_statuses b
         JOIN assessments a ON a.id = b.last_assessment_id JOIN households h ON h.id = b.household_id`));
    expect(registered.length).toBe(first.recipients.registered);
    expect(registered.length).toBeGreaterThan(0);
    for (const r of registered) expect([r.status, r.trigger, r.dibao]).toEqual(['ACTIVE', 'BATCH', true]);
    const batchDecisions = async () => (await database.rawTransaction((raw) => raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM assessments WHERE trigger = 'BATCH'`)))[0]!.n;
    const decisionsAfterFirstLoad = await batchDecisions();
    // A 乡镇经办 of a pastoral township, who can work the rural rules on a household there.
    const rural = first.accounts.find((a) => a.username === 'demo_township_clerk_rural')!;
    expect([rural.role, rural.regionCode.slice(0, 6), rural.regionCode.length]).toEqual(['TOWNSHIP_CLERK', '632323', 9]);
    const clerk = await createTestUser(database, { roles: ['TOWNSHIP_CLERK'], regionCode: rural.regionCode });
    const clerkActor = { id: clerk.id, username: clerk.username, displayName: clerk.displayName, roles: clerk.roles, scope: scopeOf({ regionCode: rural.regionCode }) };
    const theirs = await searchHouseholds(ctx, clerkActor, { page: 1, pageSize: 1 });
    expect(theirs.total).toBeGreaterThan(0);
    const ruralAssessment = await runAssessment(ctx, clerkActor, theirs.items[0]!.id, {});
    expect(ruralAssessment.standardMonthlyFen).toBe(47_000);

    const user = await createTestUser(database, { roles: ['COUNTY_APPROVER'], regionCode: '63' });
    const actor = { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, scope: scopeOf({ regionCode: '63' }) };
    const list = await searchHouseholds(ctx, actor, { page: 1, pageSize: 1 });
    const a = await runAssessment(ctx, actor, list.items[0]!.id, {});
    expect(a.standardMonthlyFen === 76_000 || a.standardMonthlyFen === 47_000).toBe(true);
    expect(a.parametersUsed.find((p) => p.code === 'P01')?.confidence).toBe('PLACEHOLDER');
    // The incomes cover the 12 months before the month of loading (2025-11 … 2026-10 on
    // 2026-11-29), the window of an assessment made now (R18): counted in full, no proration.
    const result = a.result as AssessmentResult;
    expect(result.window).toEqual({ from: '2025-11', to: '2026-10', months: 12 });
    expect((a.explanation as ExplanationStep[]).some((s) => s.text.includes('按天折算'))).toBe(false);
    const periods = await database.rawTransaction((raw) => raw.query<{ start: string; end: string; n: number }>(
      `SELECT period_start::text AS start, period_end::text AS end, count(*)::int AS n FROM income_items GROUP BY 1, 2`));
    expect(periods.map((p) => [p.start, p.end])).toEqual([['2025-11-01', '2026-10-31']]);

    // Each 特困 person has the self-care assessment and (no) obligors of the recognition (R48, R53).
    const [tekun] = await database.rawTransaction((raw) => raw.query<{ n: number; facts: number }>(
      `SELECT count(*)::int AS n, count(f.person_id)::int AS facts FROM households h
         JOIN household_members m ON m.household_id = h.id AND m.active AND m.relationship = 'HEAD'
         LEFT JOIN person_policy_facts f ON f.person_id = m.person_id AND f.self_care IS NOT NULL AND f.obligors = '[]'::jsonb
        WHERE 'TEKUN' = ANY(h.categories)`));
    expect(tekun!.n).toBeGreaterThan(0);
    expect(first.policyFactsAdded).toBe(tekun!.n);
    expect(tekun!.facts).toBe(tekun!.n);
    // …and with the demo's minimum wage (P21) a 特困 decision reaches its support standard (R55).
    const [tekunHousehold] = await database.rawTransaction((raw) => raw.query<{ id: string }>(`SELECT id FROM households WHERE 'TEKUN' = ANY(categories) ORDER BY household_no LIMIT 1`));
    const tekunResult = (await runAssessment(ctx, actor, tekunHousehold!.id, {})).result as AssessmentResult;
    const supported = tekunResult.members.filter((m) => m.tekun === 'YES');
    expect(supported.length).toBeGreaterThan(0);
    for (const m of supported) expect(m.tekunSupportMonthlyFen).toBeGreaterThan(0);

    // Herds are recorded species by species, so the livestock check (R25) is decided, never
    // left to an officer for want of a species.
    const [herder] = await database.rawTransaction((raw) => raw.query<{ id: string }>(
      `SELECT household_id AS id FROM assets WHERE asset_type = 'LIVESTOCK' ORDER BY household_id LIMIT 1`));
    const herdFinding = ((await runAssessment(ctx, actor, herder!.id, {})).result as AssessmentResult).property.findings.find((f) => f.check === 'LIVESTOCK')!;
    expect(herdFinding.result).not.toBe('NOT_CONFIGURED');
    expect(herdFinding.text).toMatch(/^牲畜折合[\d.]+个羊单位（(牦牛|绵羊|黄牛|马)\d+(头|只|匹)×/);

    // On the registry as generated (非在校生 recorded as NONE, health as HEALTHY …), a child
    // living with a working-age head is not left 特困待定: the head is an able obligor (R51).
    const withChildren = await database.rawTransaction((raw) => raw.query<{ id: string }>(
      `SELECT h.id FROM households h
         JOIN household_members c ON c.household_id = h.id AND c.active AND c.relationship = 'CHILD'
         JOIN persons cp ON cp.id = c.person_id AND cp.birth_date > DATE '2026-11-29' - INTERVAL '16 years'
        GROUP BY h.id ORDER BY h.id LIMIT 3`));
    expect(withChildren.length).toBeGreaterThan(0);
    let inferred = 0;
    for (const h of withChildren) {
      const steps = (await runAssessment(ctx, actor, h.id, {})).explanation as ExplanationStep[];
      inferred += steps.filter((s) => s.rule === 'R51' && s.text.includes('为法定抚养义务人')).length;
    }
    expect(inferred).toBeGreaterThan(0);

    // A month later a second run keeps that period: it adds no income that would count months twice.
    clock.advance(31 * 86_400_000);
    const again = await loadDemo(ctx, { households: 30, seed: 'demo-test' });
    expect(again.inRegistry.households).toBe(30);
    expect(again.policyFactsAdded).toBe(0);
    // …and re-decides nothing: the demo standards were there already.
    expect(again.recipients).toEqual({ assessed: 0, registered: 0 });
    expect(await batchDecisions()).toBe(decisionsAfterFirstLoad);
    const after = await database.rawTransaction((raw) => raw.query<{ start: string; end: string; n: number }>(
      `SELECT period_start::text AS start, period_end::text AS end, count(*)::int AS n FROM income_items GROUP BY 1, 2`));
    expect(after).toEqual(periods);
  });
});
