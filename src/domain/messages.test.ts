import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES_ZH_CN } from './messages.zh-CN.js';

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** Every code the server can answer with has Chinese wording (STYLE §6: one catalog). */
describe('messages.zh-CN catalog', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const codes = new Set<string>();
  for (const file of walk(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*'([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/\bcode: '([A-Z][A-Z0-9_]+)'/g)) if (!/^P\d/.test(m[1]!)) codes.add(m[1]!);
  }
  it.each([...codes].sort())('%s has a Chinese message', (code) => {
    expect(MESSAGES_ZH_CN[code], code).toBeTruthy();
  });
});
