import { AppError, type Violation } from '../../domain/errors.js';
import { checkIdAgainstEntered, parseIdNumber } from '../../domain/registry/id-number.js';
import { parsePhoneCell } from '../../domain/registry/cell-values.js';
import type { PersonInput } from '../../contracts/households.schemas.js';

export interface ValidPerson {
  idNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  fields: Record<string, unknown>;
}

/** Check a person form (R9 on the identity number, entered sex/birth date, phone). Violations carry `prefix.field` paths. */
export function validatePersonInput(input: PersonInput, prefix: string, today: string): { person?: ValidPerson; violations: Violation[] } {
  const violations: Violation[] = [];
  const path = (f: string) => (prefix ? `${prefix}.${f}` : f);
  const name = input.name.trim();
  if (!name) violations.push({ path: path('name'), code: 'FIELD_REQUIRED', params: { field: '姓名' } });
  const parsed = parseIdNumber(input.idNumber, { today });
  if (!parsed.ok) {
    for (const v of parsed.violations) violations.push({ ...v, path: path('idNumber') });
    return { violations };
  }
  for (const v of checkIdAgainstEntered(parsed.value, { birthDate: input.birthDate ?? null, sex: input.sex ?? null })) {
    violations.push({ ...v, path: path(v.path) });
  }
  let phone: string | null | undefined = input.phone;
  if (phone) {
    const p = parsePhoneCell(phone, path('phone'));
    if (!p.ok) violations.push(...p.violations);
    else phone = p.value;
  }
  if (input.disabilityGrade && !input.disabilityCategory) {
    violations.push({ path: path('disabilityCategory'), code: 'FIELD_REQUIRED', params: { field: '残疾类别' } });
  }
  if (violations.length) return { violations };
  const fields: Record<string, unknown> = {
    ethnicity: input.ethnicity ?? null,
    phone: phone || null,
    bankName: input.bankName ?? null,
    bankAccount: input.bankAccount ? input.bankAccount.replace(/\s+/g, '') : null,
    labourCapacity: input.labourCapacity ?? null,
    healthStatus: input.healthStatus ?? null,
    seriousIllness: input.seriousIllness ?? null,
    disabilityCategory: input.disabilityCategory ?? null,
    disabilityGrade: input.disabilityGrade ?? null,
    employment: input.employment ?? null,
    studentStage: input.studentStage ?? null,
  };
  return {
    person: { idNumber: parsed.value.idNumber, name, sex: parsed.value.sex, birthDate: parsed.value.birthDate, fields },
    violations,
  };
}

export function throwIfViolations(violations: Violation[]): void {
  if (violations.length) throw new AppError('VALIDATION_FAILED', { message: 'invalid input', details: violations });
}
