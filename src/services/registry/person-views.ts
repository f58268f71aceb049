import { ageOn } from '../../domain/registry/id-number.js';
import { maskBankAccount, maskIdNumber, maskPhone } from '../../domain/registry/mask.js';
import { isSevereDisability } from '../../domain/registry/codes.js';
import type { PersonRow } from '../../db/repos/households.repo.js';
import type { DisabilityComponent } from '../../domain/policy/assessment.types.js';

/** Today in Asia/Shanghai as YYYY-MM-DD (POLICY.md §0.3). */
export { shanghaiDate } from '../../domain/registry/import.rules.js';

/** A person as lists and details show it: identity number, phone and bank account masked (issue 2 §14). */
export function toPersonView(p: PersonRow, today: string, disabilityComponents?: readonly DisabilityComponent[] | null) {
  return {
    id: p.id,
    name: p.name,
    idNumber: maskIdNumber(p.idNumber),
    sex: p.sex,
    birthDate: p.birthDate,
    age: ageOn(p.birthDate, today),
    ethnicity: p.ethnicity,
    phone: maskPhone(p.phone) ?? null,
    bankName: p.bankName,
    bankAccount: maskBankAccount(p.bankAccount) ?? null,
    labourCapacity: p.labourCapacity,
    healthStatus: p.healthStatus,
    seriousIllness: p.seriousIllness,
    disabilityCategory: p.disabilityCategory,
    disabilityGrade: p.disabilityGrade,
    // 重残 of a 多重残疾 of grade 3 depends on its categories (救助认定信息), where the caller has them
    severeDisability: isSevereDisability(p.disabilityCategory, p.disabilityGrade, disabilityComponents),
    employment: p.employment,
    studentStage: p.studentStage,
  };
}

/** Fields recorded in the audit trail for a person: sensitive values masked there too. */
export function personAuditFields(p: Partial<PersonRow>) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (['id', 'createdAt', 'updatedAt', 'countyCode'].includes(k)) continue;
    if (k === 'idNumber') out[k] = maskIdNumber(v as string);
    else if (k === 'phone') out[k] = maskPhone(v as string | null);
    else if (k === 'bankAccount') out[k] = maskBankAccount(v as string | null);
    else out[k] = v;
  }
  return out;
}

/** Only the fields whose values differ, as {before, after} maps. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    const nv = after[k as keyof T];
    if (nv === undefined) continue;
    if (JSON.stringify(before[k as keyof T] ?? null) !== JSON.stringify(nv ?? null)) {
      b[k] = before[k as keyof T] ?? null;
      a[k] = nv ?? null;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}
