import type { DisabilityComponent, HomeCareCondition, JobReferralFacts, JobReferralOutcome, MeansTestExclusion, ObligorInabilityGround, SelfCareFacts, SupportArrangementFacts, SupportMode } from '../policy/assessment.types.js';

/**
 * Code lists of the registry with their Chinese labels: one source for the API schemas,
 * the import templates (which accept the Chinese label or the code) and the web app.
 */
function labels<const T extends Record<string, string>>(t: T) {
  return t;
}

/** R7 categories, in S10's order. */
export const CATEGORY_LABELS = labels({
  DIBAO: '低保',
  TEKUN: '特困',
  FANGFANPIN: '防返贫监测',
  DIBAO_EDGE: '低保边缘',
  RIGID_EXPENDITURE: '刚性支出困难',
  OTHER: '其他困难人员',
});
export type Category = keyof typeof CATEGORY_LABELS;
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

export const RELATIONSHIP_LABELS = labels({
  HEAD: '户主',
  SPOUSE: '配偶',
  CHILD: '子女',
  PARENT: '父母',
  GRANDCHILD: '孙子女',
  GRANDPARENT: '祖父母',
  SIBLING: '兄弟姐妹',
  CHILD_IN_LAW: '儿媳/女婿',
  OTHER: '其他',
});
export type Relationship = keyof typeof RELATIONSHIP_LABELS;

export const URBAN_RURAL_LABELS = labels({ URBAN: '城市', RURAL: '农村' });
export type UrbanRural = keyof typeof URBAN_RURAL_LABELS;

export const AREA_TYPE_LABELS = labels({ URBAN: '城镇', FARMING: '农区', PASTORAL: '牧区', MIXED: '半农半牧区' });

export const LABOUR_CAPACITY_LABELS = labels({ FULL: '有劳动能力', PARTIAL: '部分丧失劳动能力', NONE: '无劳动能力' });

export const HEALTH_LABELS = labels({ HEALTHY: '健康', CHRONIC: '慢性病', SERIOUS: '重病', DISABLED: '残疾' });

export const DISABILITY_CATEGORY_LABELS = labels({
  VISUAL: '视力残疾',
  HEARING: '听力残疾',
  SPEECH: '言语残疾',
  PHYSICAL: '肢体残疾',
  INTELLECTUAL: '智力残疾',
  MENTAL: '精神残疾',
  MULTIPLE: '多重残疾',
});

export const DISABILITY_GRADE_LABELS = labels({ '1': '一级', '2': '二级', '3': '三级', '4': '四级' });

/** R43: what became of a job the employment services offered. */
export const JOB_REFERRAL_OUTCOME_LABELS = labels({
  ACCEPTED: '接受',
  REFUSED_JUSTIFIED: '有正当理由拒绝',
  REFUSED_UNJUSTIFIED: '无正当理由拒绝',
} satisfies Record<JobReferralOutcome, string>);

/** R43: refusals without good reason in a row that are a ground to reduce or stop a member's own share. */
export const R43_REFUSALS_IN_A_ROW = 3;

/**
 * R43: the offers up to `upTo` ('YYYY-MM-DD') that the member refused without good reason in a
 * row, the latest last: the run at the end of the record. An offer accepted or refused with good
 * reason ends a run.
 */
export function unjustifiedRefusalRun(referrals: readonly JobReferralFacts[] | null | undefined, upTo: string): JobReferralFacts[] {
  const past = (referrals ?? []).filter((r) => r.referredOn <= upTo).sort((a, b) => (a.referredOn < b.referredOn ? -1 : a.referredOn > b.referredOn ? 1 : 0));
  let start = past.length;
  while (start > 0 && past[start - 1]!.outcome === 'REFUSED_UNJUSTIFIED') start--;
  return past.slice(start);
}

/** The categories a 多重残疾 certificate lists (all but MULTIPLE), in the certificate's order. */
export const SINGLE_DISABILITY_CATEGORIES = ['VISUAL', 'HEARING', 'SPEECH', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL'] as const;

/**
 * 重残 (severe disability): grade 1–2 of any category, or grade 3 intellectual/mental
 * disability (POLICY.md R31, R49). A 多重残疾 of grade 3 is severe when one of its recorded
 * categories is a grade-3 intellectual or mental disability. Used by the single-person
 * route, the 分类施保 add-on and 特困 rules.
 */
export function isSevereDisability(
  category: string | null | undefined,
  grade: number | null | undefined,
  components?: readonly DisabilityComponent[] | null,
): boolean {
  if (!category || !grade) return false;
  if (grade <= 2) return true;
  if (grade !== 3) return false;
  if (category === 'MULTIPLE') return (componentsOfCertificate(category, grade, components) ?? []).some((c) => isSevereDisability(c.category, c.grade));
  return category === 'INTELLECTUAL' || category === 'MENTAL';
}

/**
 * The recorded categories of a 多重残疾 as they stand for its certificate: null when the
 * certificate is not 多重残疾, when none are recorded, or when their most severe grade is no
 * longer the certificate's (the certificate was re-graded since: they are out of date).
 */
export function componentsOfCertificate<T extends { category: string; grade: number }>(
  category: string | null | undefined,
  grade: number | null | undefined,
  components: readonly T[] | null | undefined,
): readonly T[] | null {
  if (category !== 'MULTIPLE' || !components || components.length === 0) return null;
  return Math.min(...components.map((c) => c.grade)) === grade ? components : null;
}

/** “肢体残疾二级”. */
export function describeDisability(category: string, grade: number): string {
  const name = (DISABILITY_CATEGORY_LABELS as Record<string, string>)[category] ?? category;
  return `${name}${(DISABILITY_GRADE_LABELS as Record<string, string>)[String(grade)] ?? `${grade}级`}`;
}

/** A 多重残疾's recorded categories, most severe first: “肢体残疾二级、视力残疾三级”. */
export function describeDisabilityComponents(components: readonly { category: string; grade: number }[]): string {
  return sortDisabilityComponents(components).map((c) => describeDisability(c.category, c.grade)).join('、');
}

/** Most severe grade first, then the certificate's order of categories. */
export function sortDisabilityComponents<T extends { category: string; grade: number }>(components: readonly T[]): T[] {
  const order = (c: T) => (SINGLE_DISABILITY_CATEGORIES as readonly string[]).indexOf(c.category);
  return [...components].sort((a, b) => a.grade - b.grade || order(a) - order(b));
}

export const EMPLOYMENT_LABELS = labels({
  EMPLOYED: '就业',
  FLEXIBLE: '灵活就业',
  MIGRANT: '外出务工',
  FARMING: '务农',
  HERDING: '放牧',
  UNEMPLOYED: '失业',
  RETIRED: '退休',
  NOT_APPLICABLE: '不适用',
});

export const STUDENT_STAGE_LABELS = labels({
  NONE: '非在校生',
  PRESCHOOL: '学前',
  PRIMARY: '小学',
  JUNIOR: '初中',
  SENIOR: '高中',
  VOCATIONAL: '中职',
  COLLEGE: '大专',
  UNDERGRAD: '本科',
  POSTGRAD: '研究生',
});

/** POLICY.md §6 (R19 counted, R20 not counted). `counted` is the default; the policy engine decides. */
export const INCOME_TYPE_LABELS = labels({
  WAGE: '工资性收入',
  OPERATING: '经营净收入',
  PROPERTY: '财产净收入',
  TRANSFER: '转移净收入',
  PENSION_RESIDENT_BASIC: '城乡居民基本养老保险养老金',
  PENSION_OTHER: '其他养老金/退休金',
  GRASSLAND_SUBSIDY: '草原生态保护补助奖励',
  MAINTENANCE_RECEIVED: '赡养(抚养、扶养)费',
  PREFERENTIAL_PENSION: '优待抚恤金',
  FAMILY_PLANNING: '计划生育奖励与扶助金',
  SCHOLARSHIP: '奖学金/助学金',
  BRAVERY_AWARD: '见义勇为奖励',
  SOCIAL_ASSISTANCE: '社会救助金',
  OTHER: '其他收入',
});
export type IncomeType = keyof typeof INCOME_TYPE_LABELS;

export const INCOME_SOURCE_LABELS = labels({ DECLARED: '申报', DEPARTMENT: '部门数据', INVESTIGATED: '调查核实' });
export type IncomeSource = keyof typeof INCOME_SOURCE_LABELS;

export const ASSET_TYPE_LABELS = labels({
  HOUSE: '房产',
  VEHICLE: '车辆',
  BUSINESS: '工商登记/经营主体',
  DEPOSIT: '存款',
  SECURITIES: '有价证券/理财',
  LIVESTOCK: '牲畜',
  MACHINERY: '农机具',
  OTHER: '其他财产',
});
export type AssetType = keyof typeof ASSET_TYPE_LABELS;

/**
 * R25 livestock: a herd is recorded one asset per species, its head count in `quantity`; P19
 * converts each species to sheep units (`sheepUnitsPerHead`, keyed by these codes).
 */
export const LIVESTOCK_SPECIES_LABELS = labels({ YAK: '牦牛', CATTLE: '黄牛', SHEEP: '绵羊', GOAT: '山羊', HORSE: '马' });
export type LivestockSpecies = keyof typeof LIVESTOCK_SPECIES_LABELS;
/** The counting word of a species (5头牦牛, 20只绵羊, 1匹马). */
export const LIVESTOCK_UNITS: Readonly<Record<LivestockSpecies, string>> = { YAK: '头', CATTLE: '头', SHEEP: '只', GOAT: '只', HORSE: '匹' };

/** R25 vehicles: what a vehicle is used for; P19 `exemptPurposes` lists the ones not counted. */
export const VEHICLE_PURPOSE_LABELS = labels({ PERSONAL: '生活用车', DISABILITY: '残疾人专用车', WORKING: '营运/生产作业用车', AGRICULTURAL: '农用车' });
export type VehiclePurpose = keyof typeof VEHICLE_PURPOSE_LABELS;

export const HOUSEHOLD_STATUS_LABELS = labels({ ACTIVE: '正常', CANCELLED: '已注销' });

/** R47 rigid expenditure items; ASSISTANCE_RECEIVED (救助、捐赠) is subtracted by the engine. */
export const EXPENDITURE_TYPE_LABELS = labels({
  MEDICAL_OUT_OF_POCKET: '医疗费用个人负担部分',
  EDUCATION: '教育费用',
  REHABILITATION: '残疾人基本康复费用',
  BASIC_LIVING: '基本生活费用',
  OTHER: '其他刚性支出',
  ASSISTANCE_RECEIVED: '已获救助和捐赠（扣减）',
});
export type ExpenditureType = keyof typeof EXPENDITURE_TYPE_LABELS;

/** R15 (and P48) reasons a person living in the household is not counted in it. */
export const MEANS_TEST_EXCLUSION_LABELS = labels({
  CLERGY_AWAY_3Y: '宗教教职人员离家3年以上',
  PRISON: '服刑人员',
  DRUG_REHABILITATION: '强制隔离戒毒人员',
  DECLARED_MISSING: '被宣告失踪人员',
  CONSCRIPT_IN_ACTIVE_SERVICE: '现役义务兵',
} satisfies Record<MeansTestExclusion, string>);

/** R51 grounds on which a legal obligor (赡养/抚养/扶养义务人) cannot perform the duty. */
export const OBLIGOR_INABILITY_GROUND_LABELS = labels({
  TEKUN: '特困供养人员',
  DIBAO_AGED_60: '60周岁以上的低保对象',
  AGED_70_LOW_INCOME: '70周岁以上，本人收入低于上年度当地居民人均可支配收入且财产符合规定',
  SEVERE_DISABILITY_LOW_INCOME: '重度残疾人或三级智力、精神残疾人，本人收入低于上年度当地居民人均可支配收入且财产符合规定',
  NO_CIVIL_CAPACITY_MISSING_OR_PRISON: '无民事行为能力、被宣告失踪或在监狱服刑，且财产符合规定',
  PROVINCIAL_OTHER: '省级民政部门规定的其他情形',
} satisfies Record<ObligorInabilityGround, string>);

/** R56 modes of 特困 support (供养方式). */
export const SUPPORT_MODE_LABELS = labels({ INSTITUTIONAL: '集中供养', HOME: '分散供养' } satisfies Record<SupportMode, string>);

/** R55 situations of a home-supported person that raise the care standard like institutional care (P21). */
export const HOME_CARE_CONDITION_LABELS = labels({
  MENTAL_ILLNESS: '社区居住的精神病患者',
  INFECTIOUS_DISEASE: '社区居住的传染病患者',
} satisfies Record<HomeCareCondition, string>);

/**
 * A recorded 供养方式 in words, as the explanation and the change record write it:
 * “集中供养（湟中区敬老院，2024-03-01起）”, “分散供养（2019-05-01起，社区居住的精神病患者）”.
 */
export function describeSupportArrangement(a: Pick<SupportArrangementFacts, 'mode' | 'institution' | 'homeCondition' | 'since'>): string {
  const place = a.mode === 'INSTITUTIONAL' && a.institution ? `${a.institution}，` : '';
  const condition = a.mode === 'HOME' && a.homeCondition ? `，${HOME_CARE_CONDITION_LABELS[a.homeCondition]}` : '';
  return `${SUPPORT_MODE_LABELS[a.mode]}（${place}${a.since}起${condition}）`;
}

/** R53: the six activities of the self-care assessment, in the order of the national text. */
export const SELF_CARE_ACTIVITY_LABELS = labels({
  eating: '自主吃饭',
  dressing: '自主穿衣',
  gettingInOutOfBed: '自主上下床',
  usingToilet: '自主如厕',
  walkingIndoors: '室内自主行走',
  bathing: '自主洗澡',
} satisfies Record<Exclude<keyof SelfCareFacts, 'assessedOn'>, string>);
export type SelfCareActivity = keyof typeof SELF_CARE_ACTIVITY_LABELS;

/** R53 care levels (护理等级). */
export const CARE_LEVEL_LABELS = labels({ FULL_SELF_CARE: '全自理', PARTIAL_CARE: '半护理', FULL_CARE: '全护理' });
export type CareLevel = keyof typeof CARE_LEVEL_LABELS;

/** Find a code by its code or its Chinese label (imports accept both). */
export function codeFromLabel<T extends Record<string, string>>(table: T, text: string): keyof T | null {
  const t = text.trim();
  if (t in table) return t as keyof T;
  for (const [k, v] of Object.entries(table)) if (v === t) return k as keyof T;
  return null;
}
