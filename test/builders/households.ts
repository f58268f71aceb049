import { generateIdNumber } from '../../src/domain/registry/id-number.js';
import type { Client } from '../app.js';

let seq = 0;
/** A valid, unique identity number from a county code (R9), for builders. */
export function testIdNumber(county = '630102', birth = '1980-01-01'): string {
  seq = (seq + 1) % 1000;
  const base = Number(birth.slice(0, 4)) + Math.floor(Math.random() * 40);
  const d = `${Math.min(base, 2015)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
  return generateIdNumber(county, d, Math.floor(Math.random() * 1000));
}

/** A create-household body for a village in 城东区 unless told otherwise. */
export function householdBody(overrides: Partial<{ regionCode: string; headName: string; headId: string; members: unknown[] }> = {}) {
  const regionCode = overrides.regionCode ?? '630102001001';
  const county = regionCode.slice(0, 6);
  return {
    regionCode,
    address: '测试路1号',
    urbanRural: 'URBAN' as const,
    head: { name: overrides.headName ?? '张建国', idNumber: overrides.headId ?? testIdNumber(county, '1960-01-01'), phone: '13912345678' },
    members: (overrides.members as never[]) ?? [{ name: '李秀英', idNumber: testIdNumber(county, '1962-01-01'), relationship: 'SPOUSE' }],
  };
}

let exactSeq = 0;
/** A valid identity number with an exact birth date (ages matter to the rules). */
export function idNumberBornOn(county: string, birth: string): string {
  exactSeq += 1;
  return generateIdNumber(county, birth, exactSeq % 1000);
}

function check(r: { statusCode: number; body: string }, status: number): void {
  if (r.statusCode !== status) throw new Error(`expected HTTP ${status}, got ${r.statusCode}: ${r.body}`);
}

/**
 * Worked example 1 (POLICY.md §6), through the API as an officer enters it: a rural household
 * of 4 with its 2021 incomes, in a village of 城东区 unless told otherwise.
 */
export async function createWorkedExample1(c: Client, regionCode = '630102001001'): Promise<{ id: string; headId: string }> {
  const county = regionCode.slice(0, 6);
  const r = await c.post('/api/households', {
    regionCode,
    address: '上新庄镇1号',
    urbanRural: 'RURAL',
    head: { name: '马有福', idNumber: idNumberBornOn(county, '1976-03-01'), employment: 'MIGRANT', labourCapacity: 'FULL' },
    members: [
      { name: '韩秀兰', idNumber: idNumberBornOn(county, '1979-05-01'), relationship: 'SPOUSE', employment: 'HERDING' },
      { name: '马小龙', idNumber: idNumberBornOn(county, '2004-06-01'), relationship: 'CHILD', studentStage: 'SENIOR' },
      { name: '冶桂花', idNumber: idNumberBornOn(county, '1953-02-01'), relationship: 'PARENT', employment: 'RETIRED' },
    ],
  });
  check(r, 201);
  const h = r.json() as { id: string; members: { relationship: string; person: { id: string } }[] };
  const pid = (rel: string) => h.members.find((m) => m.relationship === rel)!.person.id;
  const items = [
    { personId: pid('HEAD'), incomeType: 'WAGE', amountFen: 1_560_000 },
    { personId: null, incomeType: 'OPERATING', amountFen: 360_000 },
    { personId: pid('PARENT'), incomeType: 'PENSION_RESIDENT_BASIC', amountFen: 216_000 },
    { personId: null, incomeType: 'MAINTENANCE_RECEIVED', amountFen: 120_000 },
    { personId: pid('CHILD'), incomeType: 'SCHOLARSHIP', amountFen: 100_000 },
    { personId: null, incomeType: 'FAMILY_PLANNING', amountFen: 96_000 },
    { personId: null, incomeType: 'SOCIAL_ASSISTANCE', amountFen: 200_000 },
  ];
  for (const it of items) {
    check(await c.post(`/api/households/${h.id}/incomes`, { ...it, periodStart: '2021-01-01', periodEnd: '2021-12-31', source: 'DECLARED' }), 200);
  }
  return { id: h.id, headId: pid('HEAD') };
}

/**
 * Worked example 3 (POLICY.md, T11) up to the decision: worked example 1's household registered
 * as 低保 and decided (148.00 a month), then its head's new job recorded (12,000.00 in 2021) and
 * not yet re-assessed. The next 核算 or batch run finds its income risen over the line (R44).
 */
export async function createWorkedExample3(c: Client, regionCode = '630102001004'): Promise<{ id: string; headId: string }> {
  const h = await createWorkedExample1(c, regionCode);
  check(await c.post(`/api/households/${h.id}/categories`, { category: 'DIBAO', effectiveFrom: '2021-01-01' }), 200);
  check(await c.post(`/api/households/${h.id}/assessments`, {}), 200);
  const wage = { personId: h.headId, incomeType: 'WAGE', amountFen: 1_200_000, periodStart: '2021-01-01', periodEnd: '2021-12-31', source: 'INVESTIGATED' };
  check(await c.post(`/api/households/${h.id}/incomes`, wage), 200);
  return h;
}
