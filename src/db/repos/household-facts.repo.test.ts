import { describe, expect, it } from 'vitest';
import { compareIncomes, compareMembers, type IncomeFactRow, type MemberFactRow } from './household-facts.repo.js';

const member = (over: Partial<MemberFactRow>): MemberFactRow => ({
  householdId: 'h', memberId: '00000000-0000-4000-8000-000000000000', joinedOn: '2026-01-01', memberCreatedAt: '2026-01-01T02:00:00.000000',
  relationship: 'CHILD', personId: 'p', name: '', birthDate: '2000-01-01', sex: 'M', labourCapacity: null, healthStatus: null,
  seriousIllness: null, disabilityCategory: null, disabilityGrade: null, employment: null, studentStage: null, meansTestExclusion: null,
  selfCare: null, obligors: null, support: null, disabilityComponents: null, jobReferrals: null, ...over,
});

describe('order of a household\'s members in the engine facts (the household page\'s order)', () => {
  // Each row: two members and which comes first, with the reason.
  it.each([
    ['joined earlier', member({ name: 'a', joinedOn: '2025-12-31', birthDate: '2010-01-01' }), member({ name: 'b' })],
    ['same day, created earlier (µs)', member({ name: 'a', memberCreatedAt: '2026-01-01T02:00:00.000001' }), member({ name: 'b', memberCreatedAt: '2026-01-01T02:00:00.000002' })],
    ['joined together: the head first', member({ name: 'a', relationship: 'HEAD', birthDate: '1990-01-01' }), member({ name: 'b', relationship: 'PARENT', birthDate: '1950-01-01' })],
    ['joined together: the eldest next', member({ name: 'a', birthDate: '1950-01-01' }), member({ name: 'b', birthDate: '1980-01-01' })],
    ['same birth date: member id (as PostgreSQL orders uuids)', member({ name: 'a', memberId: '0fffffff-0000-4000-8000-000000000000' }), member({ name: 'b', memberId: 'a0000000-0000-4000-8000-000000000000' })],
  ])('%s', (_why, first, second) => {
    expect([second, first].sort(compareMembers).map((m) => m.name)).toEqual(['a', 'b']);
    expect([first, second].sort(compareMembers).map((m) => m.name)).toEqual(['a', 'b']);
  });

  it('orders incomes by period start, recording time, then id', () => {
    const income = (id: string, periodStart: string, recordedAt: string) => ({ id, periodStart, recordedAt }) as IncomeFactRow;
    const rows = [income('c', '2025-03-01', '2026-01-02T00:00:00.000Z'), income('b', '2025-03-01', '2026-01-01T00:00:00.000Z'), income('a', '2025-03-01', '2026-01-01T00:00:00.000Z'), income('z', '2025-01-01', '2026-05-01T00:00:00.000Z')];
    expect(rows.sort(compareIncomes).map((r) => r.id)).toEqual(['z', 'a', 'b', 'c']);
  });
});
