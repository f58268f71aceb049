import { generateIdNumber } from '../../src/domain/registry/id-number.js';

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
