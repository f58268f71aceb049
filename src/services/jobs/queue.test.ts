import { describe, expect, it } from 'vitest';
import { queueNameOf } from './queue.js';

describe('queueNameOf (pg-boss accepts only letters, digits and _ . - /)', () => {
  it.each([
    ['registry.import-households@1', 'registry.import-households.v1'],
    ['monitoring.compare@12', 'monitoring.compare.v12'],
    ['odd name!', 'odd_name_'],
  ])('%s → %s', (id, name) => {
    expect(queueNameOf(id)).toBe(name);
    expect(name).toMatch(/^[A-Za-z0-9_.\-/]+$/);
  });
});
