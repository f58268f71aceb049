/**
 * Load the demo data set (issue 2 §17): a synthetic registry of three Qinghai counties —
 * 城东区 (urban), 湟中区 (farming) and 泽库县 (pastoral) — imported through the real registry
 * import, then assets and category history in bulk, and one demo account per role.
 *
 * Idempotent for a given seed: the import matches households by 户编号 and people by identity
 * number (a second run changes nothing), assets and history rows already present are
 * skipped, and existing demo accounts are kept (their passwords are not shown again).
 *
 * The incomes cover the 12 months before the month of the first load, the window of an
 * assessment made then (R18, P04 = 12 in the shipped set), so that 核算 on the demo counts
 * them in full; later runs keep that period (a new one would count months twice).
 */
import { randomBytes } from 'node:crypto';
import { appendAudit, appendAuditBulk, type AuditInput } from '../../db/repos/audit.repo.js';
import {
  countHouseholdsByNoPrefix,
  findCountiesWithVillages,
  findDemoIncomePeriod,
  findOtherDemoHouseholdNo,
  insertDemoAssets,
  insertDemoCategoryHistory,
  insertDemoPolicyFacts,
  type DemoAssetInput,
  type DemoCategoryHistoryInput,
  countBenefitStatuses,
  countDemoPolicyParameters,
  insertDemoPolicyParameters,
} from '../../db/repos/demo-data.repo.js';
import { readPolicySeed } from '../../db/repos/policy.repo.js';
import { findRegionByCode, updateRegionFlags } from '../../db/repos/regions.repo.js';
import { findUserForLogin, insertUser, type UserRow } from '../../db/repos/users.repo.js';
import { ROLE_LABELS, ROLES, type Role } from '../../domain/access/roles.js';
import { countyOfRegion } from '../../domain/access/user-admin.rules.js';
import { AppError } from '../../domain/errors.js';
import { incomeWindow } from '../../domain/policy/income.rules.js';
import { shanghaiDate } from '../../domain/registry/import.rules.js';
import { generateOneTimePassword, hashPassword } from '../access/passwords.js';
import { toActor } from '../access/auth.js';
import type { Actor, ServiceContext } from '../context.js';
import { runReassessment } from '../policy/run-reassessment.js';
import { startReassessment } from '../policy/start-reassessment.js';
import { listImportErrors } from '../registry/import-batches.js';
import { createImportBatch, runImportBatch } from '../registry/import-households.js';
import {
  demoCountiesFromRegions,
  demoHouseholdNoPrefix,
  generateCountyHouseholds,
  householdsPerCounty,
  registryCsv,
  rowsOf,
  type AreaType,
  type GeneratedHousehold,
  type IncomePeriod,
} from './generate-registry.js';

/** The demo counties and the area types the demo sets on them (P47; not the official list). */
export const DEMO_COUNTIES: readonly { code: string; areaType: AreaType; share: number }[] = [
  { code: '630102', areaType: 'URBAN', share: 0.3 }, // 城东区
  { code: '630106', areaType: 'FARMING', share: 0.45 }, // 湟中区
  { code: '632323', areaType: 'PASTORAL', share: 0.25 }, // 泽库县
];
export const DEFAULT_DEMO_SEED = 'jiuzhu-demo';
export const DEFAULT_DEMO_HOUSEHOLDS = 20_000;
/** Households per import file (a county with more is imported in several files). */
const HOUSEHOLDS_PER_FILE = 25_000;
const IMPORTER_USERNAME = 'demo_importer';
/** assets.source_detail of demo assets (also how a second run recognises them). */
const DEMO_SOURCE_DETAIL = '演示数据';

/** Where each demo account is scoped. */
const DEMO_ACCOUNT_REGION: Record<Role, 'village' | 'township' | 'county' | 'city' | 'province'> = {
  VILLAGE_ASSISTANT: 'village',
  TOWNSHIP_CLERK: 'township',
  TOWNSHIP_REVIEWER: 'township',
  COUNTY_APPROVER: 'county',
  CITY_VIEWER: 'city',
  PROVINCE_VIEWER: 'province',
  DEPT_DATA_CLERK: 'province',
  INSPECTOR: 'province',
  POLICY_ADMIN: 'county',
  SYSTEM_ADMIN: 'province',
  SECURITY_ADMIN: 'province',
  AUDIT_ADMIN: 'province',
};

export interface LoadDemoInput {
  households?: number | undefined;
  seed?: string | undefined;
  /** Progress lines for the console. */
  onProgress?: ((message: string) => void) | undefined;
}

export interface DemoCountyResult {
  code: string;
  name: string;
  areaType: AreaType;
  households: number;
  members: number;
  files: { batchId: string; fileName: string; status: string; householdsCreated: number; householdsUpdated: number; membersCreated: number; membersUpdated: number; unchangedRows: number }[];
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  /** Shown once, when the account is created now; null for an account that already existed. */
  oneTimePassword: string | null;
  created: boolean;
}

export interface LoadDemoResult {
  seed: string;
  householdNoPrefix: string;
  counties: DemoCountyResult[];
  /** Area types set now (code → type); empty when they were already set. */
  areaTypesSet: { code: string; name: string; areaType: AreaType }[];
  generated: { households: number; members: number };
  /** Demo households and members of this seed in the registry after the run. */
  inRegistry: { households: number; members: number };
  assetsAdded: number;
  categoryHistoryAdded: number;
  /** 特困 persons given a self-care assessment and obligors now */
  policyFactsAdded: number;
  /** households assessed and recipients registered by this load's applied runs (0 when the demo standards were there already) */
  recipients: { assessed: number; registered: number };
  accounts: DemoAccount[];
  seconds: number;
}

export async function loadDemo(ctx: ServiceContext, input: LoadDemoInput = {}): Promise<LoadDemoResult> {
  const started = ctx.clock.now().getTime();
  const total = input.households ?? DEFAULT_DEMO_HOUSEHOLDS;
  const seed = input.seed ?? DEFAULT_DEMO_SEED;
  const progress = input.onProgress ?? (() => undefined);
  if (!Number.isInteger(total) || total < 1) throw new AppError('VALIDATION_FAILED', { message: 'households must be a positive integer', details: [{ path: 'households', code: 'FIELD_INVALID' }] });
  const { db } = ctx.database;
  const prefix = demoHouseholdNoPrefix(seed);

  // 1. Villages of the demo counties, from the regions table (loaded by bootstrapPlatform).
  const regionRows = await findCountiesWithVillages(db, DEMO_COUNTIES.map((c) => c.code));
  const missing = DEMO_COUNTIES.filter((c) => !regionRows.some((r) => r.code === c.code));
  if (missing.length) throw new AppError('REGION_NOT_FOUND', { message: `regions ${missing.map((c) => c.code).join(', ')} are not loaded` });
  const counties = demoCountiesFromRegions(regionRows, DEMO_COUNTIES);
  const other = await findOtherDemoHouseholdNo(db, prefix);
  if (other) {
    throw new AppError('DEMO_OTHER_SEED', {
      message: `this database already holds demo data of another seed (户编号 ${other}); use the same --seed or a fresh data directory`,
    });
  }

  // 2. The importing account (a system account that cannot log in) and the area types.
  const importer = await ensureImporter(ctx);
  const incomePeriod = (await findDemoIncomePeriod(db, importer.id)) ?? twelveMonthsBefore(shanghaiDate(ctx.clock.now()));
  const areaTypesSet = await setAreaTypes(ctx, importer, counties);

  // 3. One import per county (and per 25,000 households), then assets and history in bulk.
  const counts = householdsPerCounty(total, counties);
  const results: DemoCountyResult[] = [];
  const generated = { households: 0, members: 0 };
  let assetsAdded = 0;
  let categoryHistoryAdded = 0;
  let policyFactsAdded = 0;
  for (let i = 0; i < counties.length; i++) {
    const county = counties[i]!;
    const result: DemoCountyResult = { code: county.code, name: county.name, areaType: county.areaType, households: 0, members: 0, files: [] };
    results.push(result);
    const households = generateCountyHouseholds({ seed, county, count: counts[i]!, householdNoPrefix: prefix, incomePeriod });
    for (let part = 1; ; part++) {
      // Pull with next(): breaking out of a for…of would close the generator.
      const chunk: GeneratedHousehold[] = [];
      for (let r = households.next(); !r.done; r = households.next()) {
        chunk.push(r.value);
        if (chunk.length === HOUSEHOLDS_PER_FILE) break;
      }
      if (chunk.length === 0) break;
      const members = chunk.reduce((n, h) => n + h.members.length, 0);
      result.households += chunk.length;
      result.members += members;
      const fileName = `演示数据_${county.name}_${county.code}${counts[i]! > HOUSEHOLDS_PER_FILE ? `_${part}` : ''}.csv`;
      progress(`${county.name}（${county.code}）：导入 ${chunk.length} 户 ${members} 人（${fileName}）…`);
      const file = await importChunk(ctx, importer, fileName, chunk);
      result.files.push(file);
      progress(
        `  ${file.status}：新建 ${file.householdsCreated} 户、${file.membersCreated} 人，更新 ${file.householdsUpdated} 户、${file.membersUpdated} 人，未变 ${file.unchangedRows} 行`,
      );
      const added = await addAssetsAndHistory(ctx, importer, chunk);
      assetsAdded += added.assets;
      categoryHistoryAdded += added.history;
      policyFactsAdded += added.policyFacts;
      progress(`  财产 ${added.assets} 条、历史类别 ${added.history} 条、特困人员认定信息 ${added.policyFacts} 条已写入`);
      if (chunk.length < HOUSEHOLDS_PER_FILE) break;
    }
    generated.households += result.households;
    generated.members += result.members;
  }

  // 3b. Fictional standards and property rules for the demo counties, so that 核算, the
  // what-if and the warning rules can be tried (the shipped set has no P01, R27).
  const demoParameters = await ensureDemoPolicyParameters(ctx, counties.map((c) => c.code));
  if (demoParameters.length) progress(`演示用虚构低保标准与财产规则：${demoParameters.length} 个参数版本（仅供演示）`);

  // 3c. The 低保 households registered as recipients, as a registry in service has them: the
  // applied run that approving a county's standard starts (issue 3 §6), one per county, over
  // the versions just added. Only when they were added, so that loading again re-decides nothing.
  const recipients = await registerDemoRecipients(ctx, demoParameters, progress);

  // 4. One account per role.
  const pastoral = counties.find((c) => c.areaType === 'PASTORAL') ?? counties.find((c) => c.areaType !== 'URBAN');
  const accounts = await ensureDemoAccounts(ctx, importer, counties[0]!.villages[0]!.code, pastoral?.villages[0]?.code);
  const inRegistry = await countHouseholdsByNoPrefix(db, `${prefix}-`);
  return {
    seed,
    householdNoPrefix: prefix,
    counties: results,
    areaTypesSet,
    generated,
    inRegistry,
    assetsAdded,
    categoryHistoryAdded,
    policyFactsAdded,
    recipients,
    accounts,
    seconds: (ctx.clock.now().getTime() - started) / 1000,
  };
}

/** The 12 whole months before the month of `today`: the engine's income window then (R18, P04 = 12). */
export function twelveMonthsBefore(today: string): IncomePeriod {
  const w = incomeWindow(today, 12);
  return { start: `${w.from}-01`, end: new Date(w.endDay * 86_400_000).toISOString().slice(0, 10) };
}

async function ensureImporter(ctx: ServiceContext): Promise<Actor> {
  const { db } = ctx.database;
  const existing = await findUserForLogin(db, IMPORTER_USERNAME);
  if (existing) return toActor(existing);
  // Disabled, with a random password nobody knows: it only signs the demo imports.
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
  const user = await db.transaction(async (tx) => {
    const u = await insertUser(tx, {
      username: IMPORTER_USERNAME,
      displayName: '演示数据导入（系统）',
      passwordHash,
      mustChangePassword: true,
      regionCode: '63',
      roles: [],
      disabled: true,
    });
    await appendAudit(tx, [
      {
        at: ctx.clock.now().toISOString(),
        actorId: null,
        actorName: '系统',
        action: 'user.create',
        entityType: 'user',
        entityId: u.id,
        source: 'SYSTEM',
        after: { username: u.username, roles: u.roles, regionCode: u.regionCode, disabled: true, purpose: 'demo-import' },
      },
    ]);
    return u;
  });
  return toActor(user);
}

async function setAreaTypes(ctx: ServiceContext, actor: Actor, counties: readonly { code: string; name: string; areaType: AreaType }[]) {
  const set: LoadDemoResult['areaTypesSet'] = [];
  await ctx.database.db.transaction(async (tx) => {
    for (const c of counties) {
      const before = await findRegionByCode(tx, actor.scope, c.code);
      if (!before || before.areaType === c.areaType) continue;
      await updateRegionFlags(tx, actor.scope, c.code, { areaType: c.areaType });
      await appendAudit(tx, [
        {
          at: ctx.clock.now().toISOString(),
          actorId: actor.id,
          actorName: actor.displayName,
          action: 'region.update-flags',
          entityType: 'region',
          entityId: c.code,
          countyCode: c.code,
          source: 'SYSTEM',
          before: { urbanRural: before.urbanRural, areaType: before.areaType },
          after: { urbanRural: before.urbanRural, areaType: c.areaType, note: '演示设置，非官方牧区名单' },
        },
      ]);
      set.push({ code: c.code, name: c.name, areaType: c.areaType });
    }
  });
  return set;
}

async function importChunk(ctx: ServiceContext, actor: Actor, fileName: string, chunk: readonly GeneratedHousehold[]) {
  const { content } = registryCsv(rowsOf(chunk));
  const batch = await createImportBatch(ctx, actor, { fileName, content });
  let failure: unknown = null;
  const done = await runImportBatch(ctx, batch.id, { onError: (e) => (failure = e) });
  if (done.status !== 'APPLIED') {
    const errors = done.status === 'INVALID' ? (await listImportErrors(ctx, actor, batch.id, { page: 1, pageSize: 10 })).items : [];
    throw new AppError('DEMO_IMPORT_FAILED', {
      message:
        `import of ${fileName} ended ${done.status}${done.failureCode ? ` (${done.failureCode})` : ''}` +
        (failure instanceof Error ? `: ${failure.message}` : '') +
        errors.map((e) => `\n  第${e.rowNo}行 ${e.column}：${e.message}`).join(''),
      details: errors.map((e) => ({ path: `row ${e.rowNo} / ${e.column}`, code: e.code })),
      cause: failure,
    });
  }
  return {
    batchId: done.id,
    fileName: done.fileName,
    status: done.status,
    householdsCreated: done.householdsCreated,
    householdsUpdated: done.householdsUpdated,
    membersCreated: done.membersCreated,
    membersUpdated: done.membersUpdated,
    unchangedRows: done.unchangedRows,
  };
}

async function addAssetsAndHistory(ctx: ServiceContext, actor: Actor, chunk: readonly GeneratedHousehold[]) {
  const assets: DemoAssetInput[] = [];
  const history: DemoCategoryHistoryInput[] = [];
  const policyFacts = chunk.flatMap((h) => h.policyFacts);
  for (const h of chunk) {
    for (const a of h.assets) {
      assets.push({
        householdNo: h.householdNo,
        ownerIdNumber: a.ownerIdNumber,
        assetType: a.assetType,
        description: a.description,
        quantity: a.quantity,
        unit: a.unit,
        valueFen: a.valueYuan === null ? null : Math.round(a.valueYuan * 100),
        details: a.details,
      });
    }
    for (const c of h.history) {
      history.push({ householdNo: h.householdNo, category: c.category, effectiveFrom: c.effectiveFrom, effectiveTo: c.effectiveTo, reason: c.reason });
    }
  }
  const at = ctx.clock.now().toISOString();
  const base = { at, actorId: actor.id, actorName: actor.displayName, requestId: ctx.requestId ?? 'demo', ip: null };
  return ctx.database.rawTransaction(async (raw) => {
    const insertedAssets = await insertDemoAssets(raw, assets, { source: 'DECLARED', sourceDetail: DEMO_SOURCE_DETAIL, recordedBy: actor.id, at });
    const insertedHistory = await insertDemoCategoryHistory(raw, history, { source: 'DECLARED', recordedBy: actor.id, at });
    const events: AuditInput[] = [];
    for (const a of insertedAssets) {
      events.push({
        ...base,
        action: 'asset.add',
        entityType: 'asset',
        entityId: a.id,
        householdId: a.householdId,
        countyCode: a.countyCode,
        source: 'DECLARED',
        after: {
          personId: a.personId, assetType: a.assetType, description: a.description, quantity: a.quantity, unit: a.unit,
          valueFen: a.valueFen, details: a.details, source: 'DECLARED', sourceDetail: DEMO_SOURCE_DETAIL,
        },
      });
    }
    for (const c of insertedHistory) {
      const common = { ...base, entityType: 'category', entityId: c.id, householdId: c.householdId, countyCode: c.countyCode, source: 'DECLARED' };
      events.push({ ...common, action: 'category.add', after: { category: c.category, effectiveFrom: c.effectiveFrom, personId: null } });
      events.push({
        ...common,
        action: 'category.end',
        before: { category: c.category, effectiveTo: null },
        after: { category: c.category, effectiveTo: c.effectiveTo, reason: c.reason },
      });
    }
    // 特困 persons: the self-care assessment, mode of support and (no) obligors of their recognition (R48, R53, R56).
    const insertedFacts = await insertDemoPolicyFacts(raw, policyFacts, { updatedBy: actor.id, at });
    for (const f of insertedFacts) {
      events.push({
        ...base,
        action: 'person.policy-facts',
        entityType: 'person',
        entityId: f.personId,
        householdId: f.householdId,
        countyCode: f.countyCode,
        source: 'DECLARED',
        before: null,
        after: { meansTestExclusion: null, selfCare: f.selfCare, support: f.support, obligors: f.obligors },
      });
    }
    await appendAuditBulk(raw, events);
    return { assets: insertedAssets.length, history: insertedHistory.length, policyFacts: insertedFacts.length };
  });
}

/**
 * One account per role (ROLES), and a second 政策参数管理员: a parameter change comes into force
 * only when another admin approves it (four-eyes, issue 3 §1), which the demo must be able to
 * show. The others work in the urban county; a second 乡镇经办 in a township of the pastoral
 * county (`ruralVillageCode`) lets the rural rules be tried: the rural standard, the
 * employment-cost deduction (R21.1), the 2× line (R46) and 渐退 (R44). Existing demo accounts
 * are left as they are.
 */
async function ensureDemoAccounts(ctx: ServiceContext, importer: Actor, villageCode: string, ruralVillageCode?: string): Promise<DemoAccount[]> {
  const { db } = ctx.database;
  const regionOf = {
    village: villageCode,
    township: villageCode.slice(0, 9),
    county: villageCode.slice(0, 6),
    city: villageCode.slice(0, 4),
    province: '63',
  } as const;
  const wanted: { username: string; role: Role; displayName: string; regionCode?: string }[] = [
    ...ROLES.map((role) => ({ username: `demo_${role.toLowerCase()}`, role, displayName: `演示${ROLE_LABELS[role]}` })),
    { username: 'demo_policy_admin_2', role: 'POLICY_ADMIN', displayName: `演示${ROLE_LABELS.POLICY_ADMIN}（审批）` },
  ];
  if (ruralVillageCode) {
    wanted.push({ username: 'demo_township_clerk_rural', role: 'TOWNSHIP_CLERK', displayName: `演示${ROLE_LABELS.TOWNSHIP_CLERK}（牧区）`, regionCode: ruralVillageCode.slice(0, 9) });
  }
  const out: DemoAccount[] = [];
  for (const { username, role, displayName, regionCode: own } of wanted) {
    const regionCode = own ?? regionOf[DEMO_ACCOUNT_REGION[role]];
    const existing: UserRow | null = await findUserForLogin(db, username);
    if (existing) {
      out.push({ username, displayName: existing.displayName, role, regionCode: existing.regionCode, oneTimePassword: null, created: false });
      continue;
    }
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    await db.transaction(async (tx) => {
      const u = await insertUser(tx, { username, displayName, passwordHash, mustChangePassword: true, regionCode, roles: [role] });
      await appendAudit(tx, [
        {
          at: ctx.clock.now().toISOString(),
          actorId: importer.id,
          actorName: importer.displayName,
          action: 'user.create',
          entityType: 'user',
          entityId: u.id,
          countyCode: countyOfRegion(u.regionCode),
          source: 'SYSTEM',
          after: { username, displayName, regionCode, roles: [role], mustChangePassword: true, purpose: 'demo' },
        },
      ]);
    });
    out.push({ username, displayName, role, regionCode, oneTimePassword, created: true });
  }
  return out;
}

/** Marks demo parameter versions (and lets a second run recognise them). */
const DEMO_PARAMETER_NOTE = '演示数据：虚构数值，仅供演示，不得用于实际核算';

/** The demo's monthly minimum wage (fictional): the base of the 特困 care standard (R55, P21). */
const DEMO_MINIMUM_WAGE_MONTHLY_FEN = 170_000;

/**
 * Urban 760 元/人·月; rural published per year, 5,640 元/人·年 (470 a month); property rules;
 * and P21 as shipped plus a minimum wage of 1,700 元 for the last two years and this one (an
 * assessment uses the year before its reference date's), so that a 特困 decision reaches its
 * support standard. All fictional.
 */
async function ensureDemoPolicyParameters(ctx: ServiceContext, countyCodes: readonly string[]): Promise<{ id: string; regionCode: string }[]> {
  const db = ctx.database.db;
  if ((await countDemoPolicyParameters(db, DEMO_PARAMETER_NOTE)) > 0) return [];
  const base = { confidence: 'PLACEHOLDER', basis: 'R27 [L]', status: 'APPROVED', isDefault: false, note: DEMO_PARAMETER_NOTE, effectiveFrom: '2025-01-01' };
  const shippedP21 = readPolicySeed().find((r) => r.code === 'P21' && r.regionCode === '63')?.value as Record<string, unknown> | undefined;
  const year = Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
  const wages = Object.fromEntries([year - 2, year - 1, year].map((y) => [String(y), DEMO_MINIMUM_WAGE_MONTHLY_FEN]));
  const rows = countyCodes.flatMap((regionCode) => [
    ...(shippedP21
      ? [{ ...base, regionCode, code: 'P21', name: '特困照料护理标准', urbanRural: 'ALL', basis: 'R55 [L]', value: { ...shippedP21, previousYearMinimumWageMonthlyFenByYear: wages } }]
      : []),
    { ...base, regionCode, code: 'P01', name: '低保标准', urbanRural: 'URBAN', value: { monthlyFen: 76_000, published: { amount: 760, unit: 'YUAN_PER_PERSON_MONTH' } } },
    { ...base, regionCode, code: 'P01', name: '低保标准', urbanRural: 'RURAL', value: { monthlyFen: 47_000, published: { amount: 5640, unit: 'YUAN_PER_PERSON_YEAR' } } },
    {
      ...base,
      regionCode,
      code: 'P19',
      name: '家庭财产认定规则',
      urbanRural: 'ALL',
      basis: 'R25 [L]',
      value: {
        configured: true,
        rules: {
          financialAssets: { maxMultipleOfAnnualStandard: 2 },
          housing: { maxDwellings: 2 },
          vehicles: { maxCount: 1, maxValueFen: 8_000_000, exemptPurposes: ['DISABILITY', 'WORKING', 'AGRICULTURAL'] },
          business: { allowed: false, maxValueFen: null },
          livestock: { maxSheepUnitsPerCapita: 60, sheepUnitsPerHead: { SHEEP: 1, GOAT: 0.8, YAK: 4, CATTLE: 5, HORSE: 6 } },
        },
      },
    },
  ]);
  return insertDemoPolicyParameters(db, rows);
}

/** An applied re-assessment per county over its new demo versions, run here (the CLI has no job worker). */
async function registerDemoRecipients(
  ctx: ServiceContext,
  versions: { id: string; regionCode: string }[],
  progress: (line: string) => void,
): Promise<{ assessed: number; registered: number }> {
  if (versions.length === 0) return { assessed: 0, registered: 0 };
  const byCounty = new Map<string, string[]>();
  for (const v of versions) byCounty.set(v.regionCode, [...(byCounty.get(v.regionCode) ?? []), v.id]);
  let assessed = 0;
  for (const [county, ids] of byCounty) {
    progress(`按演示标准核算 ${county} 的在册家庭，登记低保对象…`);
    const run = await startReassessment(ctx, null, { mode: 'APPLY', parameterVersionIds: ids });
    const done = await runReassessment(ctx, run.id);
    assessed += done.processed;
  }
  const registered = await countBenefitStatuses(ctx.database.db, [...byCounty.keys()]);
  progress(`  核算 ${assessed} 户，低保对象 ${registered} 户`);
  return { assessed, registered };
}
