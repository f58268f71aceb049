import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { closeClueBody, type CloseClueBody } from './clues.schemas.js';
import { policyFactsInput, type PolicyFactsInput } from './households.schemas.js';

// Code fields are built from the label tables. Their static types must be those codes: built
// from an array, TypeBox typed them `never`, which any cast satisfied. The assignments below are
// checked by `npm run typecheck` (CI), the values by the schema at run time.
type SupportMode = NonNullable<PolicyFactsInput['support']>['mode'];
type DisabilityCategory = NonNullable<PolicyFactsInput['disabilityComponents']>[number]['category'];
const institutional: SupportMode = 'INSTITUTIONAL';
// @ts-expect-error not a mode of support
const nursingHome: SupportMode = 'NURSING_HOME';
const physical: DisabilityCategory = 'PHYSICAL';
// @ts-expect-error 多重残疾 is not one of its own categories
const multiple: DisabilityCategory = 'MULTIPLE';
const dibao: CloseClueBody['outcome'] = 'DIBAO';
// @ts-expect-error not an outcome of a clue
const other: CloseClueBody['outcome'] = 'SOMETHING_ELSE';

describe('code fields of the contracts', () => {
  const facts = (mode: string, category: string) => ({
    meansTestExclusion: null,
    selfCare: null,
    obligors: null,
    support: { mode, institution: null, homeCondition: null, since: '2026-01-01' },
    disabilityComponents: [{ category, grade: 2 }, { category: 'VISUAL', grade: 3 }],
  });

  it('accept the codes of their label table and refuse anything else', () => {
    expect(Value.Check(policyFactsInput, facts(institutional, physical))).toBe(true);
    expect(Value.Check(policyFactsInput, facts(nursingHome, physical))).toBe(false);
    expect(Value.Check(policyFactsInput, facts(institutional, multiple))).toBe(false);
  });

  it('type a clue outcome as its codes', () => {
    expect(Value.Check(closeClueBody, { outcome: dibao })).toBe(true);
    expect(Value.Check(closeClueBody, { outcome: other })).toBe(false);
  });
});
