/**
 * Set-based reads and writes of the registry for the import (STYLE §5): key lists are
 * COPYed into temp tables and joined, the plan is COPYed into staging tables and applied
 * with one INSERT … SELECT / UPDATE … FROM per table. Every function runs inside the
 * caller's RawTx; temp tables are dropped at commit or rollback.
 */
import type {
  ExistingCategory,
  ExistingHousehold,
  ExistingIncome,
  ExistingPolicyFacts,
  ExistingMembership,
  ExistingPerson,
  ImportPlan,
  RegistrySnapshot,
} from '../../domain/registry/import-plan.rules.js';
import type { RawTx } from '../database.js';
import { toCopyRows } from '../copy-rows.js';

/** Serialises registry imports (advisory lock held until the transaction ends). */
const IMPORT_LOCK_KEY = 727002;

export async function lockRegistryImport(raw: RawTx): Promise<void> {
  await raw.query(`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
}

async function copyRows(raw: RawTx, table: string, columns: string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length > 0) await raw.copy(table, columns, toCopyRows(rows));
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * What the registry holds for these identity numbers and 户编号: persons, their active
 * memberships, the households (locked FOR UPDATE) with their real active member count,
 * household-level category rows and declared income items of those households.
 */
export async function loadRegistrySnapshot(
  raw: RawTx,
  keys: { idNumbers: readonly string[]; householdNos: readonly string[] },
): Promise<RegistrySnapshot> {
  await raw.query('CREATE TEMP TABLE imp_key_ids (id_number varchar(18) NOT NULL) ON COMMIT DROP');
  await raw.query('CREATE TEMP TABLE imp_key_households (household_no varchar(32) NOT NULL) ON COMMIT DROP');
  await copyRows(raw, 'imp_key_ids', ['id_number'], keys.idNumbers.map((k) => [k]));
  await copyRows(raw, 'imp_key_households', ['household_no'], keys.householdNos.map((k) => [k]));
  await raw.query('ANALYZE imp_key_ids');
  await raw.query('ANALYZE imp_key_households');

  const persons = await raw.query<Row>(
    `SELECT p.id, p.id_number, p.county_code, p.name, p.sex, p.birth_date::text AS birth_date, p.ethnicity, p.phone,
            p.bank_name, p.bank_account, p.labour_capacity, p.health_status, p.serious_illness, p.disability_category,
            p.disability_grade, p.employment, p.student_stage, f.person_id AS facts_person_id, f.means_test_exclusion,
            f.self_care, f.support, f.obligors, f.disability_components, f.job_referrals
       FROM imp_key_ids k JOIN persons p ON p.id_number = k.id_number
       LEFT JOIN person_policy_facts f ON f.person_id = p.id`,
  );
  const memberships = await raw.query<Row>(
    `SELECT m.id AS member_id, m.person_id, m.household_id, h.household_no, m.relationship
       FROM imp_key_ids k
       JOIN persons p ON p.id_number = k.id_number
       JOIN household_members m ON m.person_id = p.id AND m.active
       JOIN households h ON h.id = m.household_id`,
  );
  const households = await raw.query<Row>(
    `SELECT h.id, h.household_no, h.county_code, h.region_code, h.address, h.urban_rural, h.status, h.head_person_id,
            h.head_name, h.categories, h.member_count,
            (SELECT count(*)::int FROM household_members m WHERE m.household_id = h.id AND m.active) AS active_member_count
       FROM imp_key_households k JOIN households h ON h.household_no = k.household_no
        FOR UPDATE OF h`,
  );
  const categories = await raw.query<Row>(
    `SELECT c.household_id, c.category, c.effective_from::text AS effective_from, c.effective_to::text AS effective_to
       FROM imp_key_households k
       JOIN households h ON h.household_no = k.household_no
       JOIN household_categories c ON c.household_id = h.id
      WHERE c.person_id IS NULL`,
  );
  const incomes = await raw.query<Row>(
    `SELECT i.id, i.household_id, i.person_id, i.income_type, i.period_start::text AS period_start,
            i.period_end::text AS period_end, i.amount_fen
       FROM imp_key_households k
       JOIN households h ON h.household_no = k.household_no
       JOIN income_items i ON i.household_id = h.id
      WHERE i.source = 'DECLARED' AND i.person_id IS NOT NULL
        AND i.income_type IN ('WAGE', 'OPERATING', 'PROPERTY', 'TRANSFER')`,
  );

  const personsByIdNumber = new Map<string, ExistingPerson>();
  const policyFactsByPersonId = new Map<string, ExistingPolicyFacts>();
  for (const r of persons) {
    if (r.facts_person_id !== null && r.facts_person_id !== undefined) {
      policyFactsByPersonId.set(String(r.id), {
        meansTestExclusion: str(r.means_test_exclusion),
        selfCare: (r.self_care ?? null) as ExistingPolicyFacts['selfCare'],
        support: (r.support ?? null) as ExistingPolicyFacts['support'],
        obligors: r.obligors ?? null,
        disabilityComponents: r.disability_components ?? null,
        jobReferrals: r.job_referrals ?? null,
      });
    }
    personsByIdNumber.set(String(r.id_number), {
      id: String(r.id),
      idNumber: String(r.id_number),
      countyCode: String(r.county_code),
      name: String(r.name),
      sex: String(r.sex),
      birthDate: String(r.birth_date),
      ethnicity: str(r.ethnicity),
      phone: str(r.phone),
      bankName: str(r.bank_name),
      bankAccount: str(r.bank_account),
      labourCapacity: str(r.labour_capacity),
      healthStatus: str(r.health_status),
      seriousIllness: str(r.serious_illness),
      disabilityCategory: str(r.disability_category),
      disabilityGrade: r.disability_grade === null || r.disability_grade === undefined ? null : Number(r.disability_grade),
      employment: str(r.employment),
      studentStage: str(r.student_stage),
    });
  }
  const membershipsByPersonId = new Map<string, ExistingMembership>();
  for (const r of memberships) {
    membershipsByPersonId.set(String(r.person_id), {
      memberId: String(r.member_id),
      personId: String(r.person_id),
      householdId: String(r.household_id),
      householdNo: String(r.household_no),
      relationship: String(r.relationship),
    });
  }
  const householdsByNo = new Map<string, ExistingHousehold>();
  for (const r of households) {
    householdsByNo.set(String(r.household_no), {
      id: String(r.id),
      householdNo: String(r.household_no),
      countyCode: String(r.county_code),
      regionCode: String(r.region_code),
      address: String(r.address ?? ''),
      urbanRural: String(r.urban_rural),
      status: String(r.status),
      headPersonId: str(r.head_person_id),
      headName: str(r.head_name),
      categories: Array.isArray(r.categories) ? (r.categories as string[]) : [],
      memberCount: Number(r.member_count),
      activeMemberCount: Number(r.active_member_count),
    });
  }
  const categoriesByHouseholdId = new Map<string, ExistingCategory[]>();
  for (const r of categories) {
    const c: ExistingCategory = {
      householdId: String(r.household_id),
      category: String(r.category),
      effectiveFrom: String(r.effective_from),
      effectiveTo: str(r.effective_to),
    };
    const list = categoriesByHouseholdId.get(c.householdId);
    if (list) list.push(c);
    else categoriesByHouseholdId.set(c.householdId, [c]);
  }
  const incomesByPersonId = new Map<string, ExistingIncome[]>();
  for (const r of incomes) {
    const i: ExistingIncome = {
      id: String(r.id),
      householdId: String(r.household_id),
      personId: String(r.person_id),
      incomeType: String(r.income_type),
      periodStart: String(r.period_start),
      periodEnd: String(r.period_end),
      amountFen: Number(r.amount_fen),
    };
    const list = incomesByPersonId.get(i.personId);
    if (list) list.push(i);
    else incomesByPersonId.set(i.personId, [i]);
  }
  return { personsByIdNumber, policyFactsByPersonId, membershipsByPersonId, householdsByNo, categoriesByHouseholdId, incomesByPersonId };
}

export interface ApplyMeta {
  /** ISO timestamp of the change. */
  at: string;
  actorId: string;
  /** income_items.source_detail, e.g. '导入文件“户籍名单.xlsx”'. */
  sourceDetail: string;
}

/**
 * Write a plan: COPY each part into a staging table, then one set-based statement per
 * table and action. Parents first (households, persons), then members, categories, incomes.
 */
export async function applyImportPlan(raw: RawTx, plan: ImportPlan, meta: ApplyMeta): Promise<void> {
  if (plan.households.length > 0) {
    await raw.query(
      `CREATE TEMP TABLE imp_households (
         id uuid, action char(1), household_no varchar(32), county_code varchar(6), region_code varchar(12), address text,
         urban_rural varchar(8), head_person_id uuid, head_name text, categories text, member_count integer, member_names text
       ) ON COMMIT DROP`,
    );
    await copyRows(
      raw,
      'imp_households',
      ['id', 'action', 'household_no', 'county_code', 'region_code', 'address', 'urban_rural', 'head_person_id', 'head_name', 'categories', 'member_count', 'member_names'],
      plan.households.map((h) => [
        h.id, h.action, h.householdNo, h.countyCode, h.regionCode, h.address, h.urbanRural, h.headPersonId, h.headName,
        h.categories.join(','), h.memberCount, h.memberNames,
      ]),
    );
    await raw.query(
      `INSERT INTO households (id, county_code, region_code, household_no, address, urban_rural, head_person_id, status,
                               categories, member_count, head_name, member_names, version, created_at, updated_at)
       SELECT id, county_code, region_code, household_no, address, urban_rural, head_person_id, 'ACTIVE',
              coalesce(string_to_array(categories, ','), '{}'), member_count, head_name, coalesce(member_names, ''), 1, $1, $1
         FROM imp_households WHERE action = 'C'`,
      [meta.at],
    );
    await raw.query(
      `UPDATE households h
          SET county_code = s.county_code, region_code = s.region_code, address = s.address, urban_rural = s.urban_rural,
              head_person_id = s.head_person_id, head_name = s.head_name,
              categories = coalesce(string_to_array(s.categories, ','), '{}'), member_count = s.member_count,
              version = h.version + 1, updated_at = $1
         FROM imp_households s
        WHERE s.action = 'U' AND h.id = s.id`,
      [meta.at],
    );
  }

  if (plan.persons.length > 0) {
    await raw.query(
      `CREATE TEMP TABLE imp_persons (
         id uuid, action char(1), county_code varchar(6), id_number varchar(18), name text, sex varchar(1), birth_date date,
         ethnicity varchar(16), phone varchar(32), bank_name text, bank_account varchar(40), labour_capacity varchar(8),
         health_status varchar(12), serious_illness text, disability_category varchar(16), disability_grade smallint,
         employment varchar(16), student_stage varchar(16)
       ) ON COMMIT DROP`,
    );
    await copyRows(
      raw,
      'imp_persons',
      [
        'id', 'action', 'county_code', 'id_number', 'name', 'sex', 'birth_date', 'ethnicity', 'phone', 'bank_name', 'bank_account',
        'labour_capacity', 'health_status', 'serious_illness', 'disability_category', 'disability_grade', 'employment', 'student_stage',
      ],
      plan.persons.map((p) => [
        p.id, p.action, p.countyCode, p.idNumber, p.name, p.sex, p.birthDate, p.ethnicity, p.phone, p.bankName, p.bankAccount,
        p.labourCapacity, p.healthStatus, p.seriousIllness, p.disabilityCategory, p.disabilityGrade, p.employment, p.studentStage,
      ]),
    );
    await raw.query(
      `INSERT INTO persons (id, county_code, id_number, name, sex, birth_date, ethnicity, phone, bank_name, bank_account,
                            labour_capacity, health_status, serious_illness, disability_category, disability_grade,
                            employment, student_stage, created_at, updated_at)
       SELECT id, county_code, id_number, name, sex, birth_date, ethnicity, phone, bank_name, bank_account,
              labour_capacity, health_status, serious_illness, disability_category, disability_grade,
              employment, student_stage, $1, $1
         FROM imp_persons WHERE action = 'C'`,
      [meta.at],
    );
    await raw.query(
      `UPDATE persons p
          SET county_code = s.county_code, name = s.name, sex = s.sex, birth_date = s.birth_date, ethnicity = s.ethnicity,
              phone = s.phone, bank_name = s.bank_name, bank_account = s.bank_account, labour_capacity = s.labour_capacity,
              health_status = s.health_status, serious_illness = s.serious_illness,
              disability_category = s.disability_category, disability_grade = s.disability_grade,
              employment = s.employment, student_stage = s.student_stage, updated_at = $1
         FROM imp_persons s
        WHERE s.action = 'U' AND p.id = s.id`,
      [meta.at],
    );
  }

  if (plan.members.length > 0) {
    await raw.query(
      `CREATE TEMP TABLE imp_members (
         id uuid, action char(1), household_id uuid, person_id uuid, county_code varchar(6), relationship varchar(16), joined_on date
       ) ON COMMIT DROP`,
    );
    await copyRows(
      raw,
      'imp_members',
      ['id', 'action', 'household_id', 'person_id', 'county_code', 'relationship', 'joined_on'],
      plan.members.map((m) => [m.id, m.action, m.householdId, m.personId, m.countyCode, m.relationship, m.joinedOn]),
    );
    await raw.query(
      `INSERT INTO household_members (id, county_code, household_id, person_id, relationship, active, joined_on, created_at)
       SELECT id, county_code, household_id, person_id, relationship, true, joined_on, $1
         FROM imp_members WHERE action = 'C'`,
      [meta.at],
    );
    await raw.query(
      `UPDATE household_members m SET relationship = s.relationship, county_code = s.county_code
         FROM imp_members s WHERE s.action = 'U' AND m.id = s.id`,
    );
  }

  if (plan.categories.length > 0) {
    await raw.query(
      `CREATE TEMP TABLE imp_categories (id uuid, household_id uuid, county_code varchar(6), category varchar(20), effective_from date)
       ON COMMIT DROP`,
    );
    await copyRows(
      raw,
      'imp_categories',
      ['id', 'household_id', 'county_code', 'category', 'effective_from'],
      plan.categories.map((c) => [c.id, c.householdId, c.countyCode, c.category, c.effectiveFrom]),
    );
    await raw.query(
      `INSERT INTO household_categories (id, county_code, household_id, person_id, category, effective_from, source, recorded_by, recorded_at)
       SELECT id, county_code, household_id, NULL, category, effective_from, 'DECLARED', $2, $1 FROM imp_categories`,
      [meta.at, meta.actorId],
    );
  }

  if (plan.incomes.length > 0) {
    await raw.query(
      `CREATE TEMP TABLE imp_incomes (
         id uuid, action char(1), household_id uuid, person_id uuid, county_code varchar(6), income_type varchar(32),
         period_start date, period_end date, amount_fen bigint
       ) ON COMMIT DROP`,
    );
    await copyRows(
      raw,
      'imp_incomes',
      ['id', 'action', 'household_id', 'person_id', 'county_code', 'income_type', 'period_start', 'period_end', 'amount_fen'],
      plan.incomes.map((i) => [i.id, i.action, i.householdId, i.personId, i.countyCode, i.incomeType, i.periodStart, i.periodEnd, i.amountFen]),
    );
    await raw.query(
      `INSERT INTO income_items (id, county_code, household_id, person_id, income_type, period_start, period_end, amount_fen,
                                 source, source_detail, recorded_by, recorded_at)
       SELECT id, county_code, household_id, person_id, income_type, period_start, period_end, amount_fen,
              'DECLARED', $3, $2, $1
         FROM imp_incomes WHERE action = 'C'`,
      [meta.at, meta.actorId, meta.sourceDetail],
    );
    await raw.query(
      `UPDATE income_items i SET amount_fen = s.amount_fen, source_detail = $3, recorded_by = $2, recorded_at = $1
         FROM imp_incomes s WHERE s.action = 'U' AND i.id = s.id`,
      [meta.at, meta.actorId, meta.sourceDetail],
    );
  }

  if (plan.policyFacts.length > 0) {
    // 救助认定信息: the R15 exclusion, the self-care assessment and the mode of support; the other facts stay.
    await raw.query(
      'CREATE TEMP TABLE imp_policy_facts (person_id uuid, county_code varchar(6), means_test_exclusion varchar(32), self_care jsonb, support jsonb) ON COMMIT DROP',
    );
    await copyRows(
      raw,
      'imp_policy_facts',
      ['person_id', 'county_code', 'means_test_exclusion', 'self_care', 'support'],
      plan.policyFacts.map((f) => [f.personId, f.countyCode, f.meansTestExclusion, f.selfCare && JSON.stringify(f.selfCare), f.support && JSON.stringify(f.support)]),
    );
    await raw.query(
      `INSERT INTO person_policy_facts (person_id, county_code, means_test_exclusion, self_care, support, updated_by, updated_at)
       SELECT person_id, county_code, means_test_exclusion, self_care, support, $2, $1 FROM imp_policy_facts
       ON CONFLICT (person_id) DO UPDATE SET county_code = excluded.county_code, means_test_exclusion = excluded.means_test_exclusion,
         self_care = excluded.self_care, support = excluded.support, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [meta.at, meta.actorId],
    );
  }
}
