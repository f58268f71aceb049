import { describe, expect, it } from 'vitest';
import type { MemberOutcome } from './assessment.types.js';
import { memberBenefitLines } from './assessment-summary.js';

const member = (over: Partial<MemberOutcome>): MemberOutcome => ({
  personId: 'p', name: '旦正', noLabourCapacity: false, tekun: 'NO', careLevel: null, tekunSupportMonthlyFen: null, singlePerson: 'NO', singlePersonAmountFen: null, ...over,
});

describe('memberBenefitLines: what members are owed on their own (R55, R31)', () => {
  it.each<[string, MemberOutcome[], string[]]>([
    ['R55 a 特困 person with the support standard and care level', [member({ tekun: 'YES', careLevel: 'PARTIAL_CARE', tekunSupportMonthlyFen: 89_433 })], ['旦正：特困供养894.33元/月，半护理']],
    ['R55 a 特困 person whose care standard is not configured', [member({ tekun: 'YES', careLevel: 'FULL_CARE' })], ['旦正：特困人员，供养标准待核定，全护理']],
    ['R55 no self-care assessment on record', [member({ tekun: 'YES', tekunSupportMonthlyFen: 120_000 })], ['旦正：特困供养1,200.00元/月']],
    ['R31 a 单人保 member and one not yet determined', [member({ name: '才让', singlePerson: 'YES', singlePersonAmountFen: 47_000 }), member({ name: '卓玛', singlePerson: 'YES' })], ['才让：单人保470.00元/月', '卓玛：单人保，金额待核定']],
    ['R48 undetermined or no: nothing to say here', [member({ tekun: 'UNDETERMINED' }), member({ singlePerson: 'UNDETERMINED' })], []],
  ])('%s', (_rule, members, lines) => {
    expect(memberBenefitLines(members)).toEqual(lines);
  });
});
