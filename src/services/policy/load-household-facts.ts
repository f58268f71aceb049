/**
 * Assemble the policy engine's input (HouseholdFacts) for a batch of households: one query
 * per kind of fact, grouped in memory. Used for one household (an officer's 核算) and for
 * thousands at a time (batch re-assessment), so both see exactly the same facts.
 */
import type {
  DisabilityComponent,
  JobReferralFacts,
  AssetFact,
  ExpenditureFact,
  FactSource,
  HouseholdFacts,
  IncomeFact,
  MemberFacts,
  ObligorFacts,
  RecipientState,
  SelfCareFacts,
  SupportArrangementFacts,
} from '../../domain/policy/assessment.types.js';
import type { Executor } from '../../db/database.js';
import { listHouseholdsAfter } from '../../db/repos/assessments.repo.js';
import {
  compareIncomes,
  compareMembers,
  findIdSpan,
  loadAreaTypes,
  loadAssetRows,
  loadExpenditureRows,
  loadHouseholdRows,
  loadIncomeRows,
  loadMemberRows,
  loadPersonCategoryRows,
  loadRecipientStatuses,
  type IdSpan,
  type RecipientStatusRow,
} from '../../db/repos/household-facts.repo.js';

export interface LoadedHousehold {
  facts: HouseholdFacts;
  benefit: RecipientStatusRow | null;
  status: string;
}

function group<T extends { householdId: string }>(rows: T[], order?: (a: T, b: T) => number): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    let a = m.get(r.householdId);
    if (!a) m.set(r.householdId, (a = []));
    a.push(r);
  }
  if (order) for (const a of m.values()) if (a.length > 1) a.sort(order);
  return m;
}

const month = (d: string | null) => (d ? d.slice(0, 7) : null);

interface LoadOptions {
  /**
   * Run the queries at once — only for a PostgreSQL pool, never inside a transaction (one
   * connection) and never on PGlite.
   */
  parallel?: boolean;
  /** The ids' range (see findIdSpan): read as a range; other households in it are left out. */
  span?: IdSpan | null;
}

/**
 * The facts of these households, in the order of `ids` (missing or unknown ids are simply
 * absent from the map).
 */
export async function loadHouseholdFacts(db: Executor, ids: readonly string[], opts: LoadOptions = {}): Promise<Map<string, LoadedHousehold>> {
  const out = new Map<string, LoadedHousehold>();
  if (ids.length === 0) return out;
  const run = async <T>(fns: (() => Promise<T>)[]): Promise<T[]> => {
    if (opts.parallel) return Promise.all(fns.map((f) => f()));
    // One after another: `db` may be a transaction, i.e. a single connection.
    const res: T[] = [];
    for (const f of fns) res.push(await f());
    return res;
  };
  const span = opts.span ?? null;
  const [hh, members, incomes, assetRows, expenditures, personCats, benefits] = (await run<unknown>([
    () => loadHouseholdRows(db, ids, span),
    () => loadMemberRows(db, ids, span),
    () => loadIncomeRows(db, ids, span),
    () => loadAssetRows(db, ids, span),
    () => loadExpenditureRows(db, ids, span),
    () => loadPersonCategoryRows(db, ids, span),
    () => loadRecipientStatuses(db, ids, span),
  ])) as [
    Awaited<ReturnType<typeof loadHouseholdRows>>,
    Awaited<ReturnType<typeof loadMemberRows>>,
    Awaited<ReturnType<typeof loadIncomeRows>>,
    Awaited<ReturnType<typeof loadAssetRows>>,
    Awaited<ReturnType<typeof loadExpenditureRows>>,
    Awaited<ReturnType<typeof loadPersonCategoryRows>>,
    Awaited<ReturnType<typeof loadRecipientStatuses>>,
  ];
  const areaCodes = new Set<string>();
  for (const h of hh) areaCodes.add(h.regionCode.slice(0, 6)).add(h.regionCode.slice(0, 9));
  const areas = await loadAreaTypes(db, [...areaCodes]);
  const areaOf = new Map(areas.map((a) => [a.code, a.areaType]));
  const benefitOf = new Map(benefits.map((b) => [b.householdId, b]));
  const membersOf = group(members, compareMembers);
  const incomesOf = group(incomes, compareIncomes);
  const assetsOf = group(assetRows);
  const expendituresOf = group(expenditures);
  const personCatsOf = new Map<string, string[]>();
  const wanted = span ? new Set(ids) : null;
  for (const c of personCats) {
    if (wanted && !wanted.has(c.householdId)) continue; // another household in the span
    const list = personCatsOf.get(c.personId);
    if (list) list.push(c.category);
    else personCatsOf.set(c.personId, [c.category]);
  }

  for (const h of hh) {
    const benefit = benefitOf.get(h.id) ?? null;
    const recipient: RecipientState | null = benefit
      ? {
          status: benefit.status,
          monthlyAmountFen: benefit.monthlyAmountFen,
          sinceMonth: benefit.sinceMonth.slice(0, 7),
          gradualExitFrom: month(benefit.gradualExitFrom),
          gradualExitUntil: month(benefit.gradualExitUntil),
          gradualExitSchedule: benefit.gradualExitSchedule ?? null,
          previousCountedByType: benefit.previousCountedByType ?? null,
          previousPerCapitaMonthlyFen: benefit.previousPerCapitaMonthlyFen,
        }
      : null;
    const facts: HouseholdFacts = {
      householdId: h.id,
      householdNo: h.householdNo,
      regionCode: h.regionCode,
      countyCode: h.countyCode,
      urbanRural: h.urbanRural === 'URBAN' ? 'URBAN' : 'RURAL',
      areaType: areaOf.get(h.regionCode.slice(0, 9)) ?? areaOf.get(h.regionCode.slice(0, 6)) ?? null,
      members: (membersOf.get(h.id) ?? []).map(
        (m): MemberFacts => ({
          personId: m.personId,
          name: m.name,
          relationship: m.relationship,
          birthDate: m.birthDate,
          sex: m.sex === 'F' ? 'F' : 'M',
          labourCapacity: m.labourCapacity,
          healthStatus: m.healthStatus,
          seriousIllness: m.seriousIllness,
          disabilityCategory: m.disabilityCategory,
          disabilityGrade: m.disabilityGrade,
          employment: m.employment,
          studentStage: m.studentStage,
          exclusion: (m.meansTestExclusion as MemberFacts['exclusion']) ?? null,
          selfCare: (m.selfCare as SelfCareFacts | null) ?? null,
          support: (m.support as SupportArrangementFacts | null) ?? null,
          disabilityComponents: (m.disabilityComponents as DisabilityComponent[] | null) ?? null,
          jobReferrals: (m.jobReferrals as JobReferralFacts[] | null) ?? null,
          obligors: (m.obligors as ObligorFacts[] | null) ?? null,
          personCategories: personCatsOf.get(m.personId) ?? [],
        }),
      ),
      incomes: (incomesOf.get(h.id) ?? []).map(
        (i): IncomeFact => ({
          id: i.id,
          personId: i.personId,
          incomeType: i.incomeType,
          periodStart: i.periodStart,
          periodEnd: i.periodEnd,
          amountFen: i.amountFen,
          provenance: { source: i.source as FactSource, detail: i.sourceDetail, recordedAt: i.recordedAt, recordedBy: i.recordedByName },
          note: i.note,
        }),
      ),
      assets: (assetsOf.get(h.id) ?? []).map(
        (a): AssetFact => ({
          id: a.id,
          personId: a.personId,
          assetType: a.assetType,
          description: a.description,
          quantity: a.quantity,
          unit: a.unit,
          valueFen: a.valueFen,
          details: a.details ?? null,
          provenance: { source: a.source as FactSource, detail: a.sourceDetail, recordedAt: a.recordedAt, recordedBy: a.recordedByName },
        }),
      ),
      expenditures: (expendituresOf.get(h.id) ?? []).map(
        (e): ExpenditureFact => ({
          id: e.id,
          personId: e.personId,
          expenditureType: e.expenditureType,
          periodStart: e.periodStart,
          periodEnd: e.periodEnd,
          amountFen: e.amountFen,
          provenance: { source: e.source as FactSource, detail: e.sourceDetail, recordedAt: e.recordedAt, recordedBy: e.recordedByName },
        }),
      ),
      categories: h.categories,
      recipient,
    };
    out.set(h.id, { facts, benefit, status: h.status });
  }
  return out;
}

/** A window of a batch walk: consecutive households of one county and their facts. */
export interface FactsWindow {
  countyCode: string;
  /** in the walk's order */
  ids: string[];
  /** in the same order; a household that changed status since it was listed may be absent */
  facts: Map<string, LoadedHousehold>;
}

/**
 * The next window of a batch walk over `regionCode`: up to `size` active households after
 * `cursor` (a household id; null: from the start) in the walk's (county, household number)
 * order, cut at the end of a county, with their facts read by id. Null at the end.
 *
 * Why windows and not a whole county: a run held a county's facts (56,000 households, ≈ 280 MB
 * of small objects at full scale, twice with the read ahead) while it allocated explanations,
 * and the collector marked that heap again and again; at full scale a stored decision cost
 * Node.js about twice the CPU time it cost at 0.1 scale (windows of 5,000 still doubled it
 * against windows of 1,000). Consecutive household numbers were written together, and an
 * import gives them ids in that order (`newId`, time-ordered), so a window's rows lie close
 * together on disk and in every household_id index (`docs/benchmarks.md`), and such a window is
 * usually a range of ids, read as one (findIdSpan).
 */
export async function loadFactsWindow(db: Executor, regionCode: string, cursor: string | null, size: number, opts: LoadOptions = {}): Promise<FactsWindow | null> {
  const listed = await listWindow(db, regionCode, cursor, size);
  if (!listed) return null;
  return { ...listed, facts: await loadWindowFacts(db, listed.ids, opts) };
}

/** The households of the next window of a batch walk (see loadFactsWindow), without their facts. */
export async function listWindow(db: Executor, regionCode: string, cursor: string | null, size: number): Promise<{ countyCode: string; ids: string[] } | null> {
  const listed = await listHouseholdsAfter(db, regionCode, cursor, size);
  const countyCode = listed[0]?.countyCode;
  if (countyCode === undefined) return null;
  return { countyCode, ids: idsOfFirstCounty(listed) };
}

/** The ids of listed households (in the walk's order) up to the end of the first one's county: a chunk never spans two. */
export function idsOfFirstCounty(listed: readonly { id: string; countyCode: string }[]): string[] {
  const ids: string[] = [];
  for (const h of listed) {
    if (h.countyCode !== listed[0]!.countyCode) break;
    ids.push(h.id);
  }
  return ids;
}

/** The facts of a window's households, read as a range of ids when they are one (findIdSpan). */
export async function loadWindowFacts(db: Executor, ids: readonly string[], opts: LoadOptions = {}): Promise<Map<string, LoadedHousehold>> {
  return loadHouseholdFacts(db, ids, { ...opts, span: await findIdSpan(db, ids) });
}
