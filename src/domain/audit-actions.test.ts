import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_TYPE_LABELS, auditActionLabel } from './audit-actions.js';

const SRC = path.resolve(import.meta.dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

describe('audited actions in Chinese (the audit log, a household’s change record)', () => {
  it.each([
    ['auth.login', '登录'],
    ['policy.parameter.approve', '批准政策参数'],
    ['person.reveal-idNumber', '查看完整身份证号'],
    ['some.future-action', 'some.future-action'],
  ])('%s → %s', (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });

  // Every action the services and routes write (a quoted 'area.verb', whether in an `action:`
  // or passed to a helper, and the reveal of each field) has a name: a new action without one
  // fails here instead of showing a code to auditors.
  it('names every action the platform writes', () => {
    const areas = 'auth|user|region|system|audit|household|person|member|income|asset|expenditure|category|import|assessment|benefit|policy|reassessment|clue|comparison|rule|dept';
    const literal = new RegExp(`'((?:${areas})(?:\\.[a-zA-Z-]+)+)'`, 'g');
    const written = new Set<string>();
    for (const file of [...sources(path.join(SRC, 'services')), ...sources(path.join(SRC, 'server'))]) {
      const text = readFileSync(file, 'utf8');
      for (const q of text.matchAll(literal)) written.add(q[1]!);
      if (text.includes('person.reveal-${')) for (const f of ['idNumber', 'phone', 'bankAccount']) written.add(`person.reveal-${f}`);
    }
    expect(written.size).toBeGreaterThan(50);
    expect([...written].filter((a) => !(a in AUDIT_ACTION_LABELS)).sort()).toEqual([]);
  });

  it('names every kind of object an audited action is done to', () => {
    const written = new Set<string>();
    for (const file of sources(SRC)) for (const m of readFileSync(file, 'utf8').matchAll(/entityType: '([a-z_]+)'/g)) written.add(m[1]!);
    expect(written.size).toBeGreaterThan(15);
    expect([...written].filter((t) => !(t in AUDIT_ENTITY_TYPE_LABELS)).sort()).toEqual([]);
  });
});
