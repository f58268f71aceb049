/**
 * The audit chain's link (issue 2 §15): `hash = sha256(prevHash + '\n' + canonical(row))`. Rows
 * already written keep their hashes, so the way a link is computed may change (it did, for
 * speed) but never what it computes: these values were made by the first implementation.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, hashAuditRow, type AuditInput } from './audit.repo.js';

const transition: AuditInput = {
  at: '2026-11-30T08:00:00.000Z',
  actorId: '0193a7c2-0000-7000-8000-000000000001',
  actorName: '审计测试',
  action: 'benefit.transition',
  entityType: 'benefit_status',
  entityId: 'h-1',
  householdId: '0193a7c2-0000-7000-8000-0000000000aa',
  countyCode: '630102',
  source: 'SYSTEM',
  before: { status: 'ACTIVE', monthlyAmountFen: 14800 },
  after: { monthlyAmountFen: 17700, status: 'ACTIVE', _summary: '低保待遇：在保 → 在保，自2026-12起，月保障金177.00元' },
  requestId: 'req-1',
  ip: null,
};

describe('audit chain links', () => {
  it('are the hashes the first implementation wrote, from the genesis and from a previous link', () => {
    const first = hashAuditRow(AUDIT_GENESIS, 1, transition);
    expect(first).toBe('8fd72e3e1866358c479efd03816c7da803338b78e678f578fca0a7c363e59f6c');
    expect(hashAuditRow(first, 2, { ...transition, before: null })).toBe('9336df41cf844f03906d361a7eecb8eab55aae4279c686fe9e69f18966c51042');
  });

  it('do not depend on the order of keys in the JSON values (jsonb reorders them)', () => {
    const reordered = { ...transition, after: { _summary: (transition.after as { _summary: string })._summary, status: 'ACTIVE', monthlyAmountFen: 17700 } };
    expect(hashAuditRow(AUDIT_GENESIS, 1, reordered)).toBe(hashAuditRow(AUDIT_GENESIS, 1, transition));
  });

  it('change with any field, the sequence number or the previous link', () => {
    const base = hashAuditRow(AUDIT_GENESIS, 1, transition);
    expect(hashAuditRow(AUDIT_GENESIS, 2, transition)).not.toBe(base);
    expect(hashAuditRow('f'.repeat(64), 1, transition)).not.toBe(base);
    expect(hashAuditRow(AUDIT_GENESIS, 1, { ...transition, after: { ...(transition.after as object), monthlyAmountFen: 17701 } })).not.toBe(base);
    expect(hashAuditRow(AUDIT_GENESIS, 1, { ...transition, actorName: null })).not.toBe(base);
  });
});
