import { describe, expect, it } from 'vitest';
import { checkAccountChange, countyOfRegion, type AccountChange } from './user-admin.rules.js';

const sysAdmin = { id: 'a', roles: ['SYSTEM_ADMIN'] };
const otherSysAdmin = { id: 'b', roles: ['SYSTEM_ADMIN'] };
const secAdmin = { id: 'c', roles: ['SECURITY_ADMIN'] };
const auditAdmin = { id: 'd', roles: ['AUDIT_ADMIN'] };
const clerk = { id: 'e', roles: ['TOWNSHIP_CLERK'] };

describe('checkAccountChange (三员分立, issue 2 §12)', () => {
  const rows: [string, typeof sysAdmin, typeof sysAdmin, AccountChange, string | null][] = [
    ['self: no disabling', sysAdmin, sysAdmin, 'disable', 'USER_SELF_CHANGE'],
    ['self: no re-scoping', sysAdmin, sysAdmin, 'rescope', 'USER_SELF_CHANGE'],
    ['self: no password reset', sysAdmin, sysAdmin, 'reset-password', 'USER_SELF_CHANGE'],
    ['self: editing name or phone is fine', sysAdmin, sysAdmin, 'edit', null],
    ['ordinary account: everything allowed', sysAdmin, clerk, 'disable', null],
    ['ordinary account: reset allowed', sysAdmin, clerk, 'reset-password', null],
    ['same admin role: reset allowed', sysAdmin, otherSysAdmin, 'reset-password', null],
    ['security admin protected from reset', sysAdmin, secAdmin, 'reset-password', 'USER_ADMIN_PROTECTED'],
    ['audit admin protected from disabling', sysAdmin, auditAdmin, 'disable', 'USER_ADMIN_PROTECTED'],
    ['audit admin protected from re-scoping', sysAdmin, auditAdmin, 'rescope', 'USER_ADMIN_PROTECTED'],
    ['audit admin may be unlocked', sysAdmin, auditAdmin, 'unlock', null],
    ['audit admin may be re-enabled', sysAdmin, auditAdmin, 'enable', null],
    ['audit admin name may be edited', sysAdmin, auditAdmin, 'edit', null],
  ];
  it.each(rows)('%s', (_name, actor, target, change, expected) => {
    expect(checkAccountChange(actor, target, change)).toBe(expected);
  });
});

describe('countyOfRegion', () => {
  it.each([
    ['63', null],
    ['6301', null],
    ['630102', '630102'],
    ['630102001001', '630102'],
  ])('%s → %s', (code, county) => expect(countyOfRegion(code)).toBe(county));
});
