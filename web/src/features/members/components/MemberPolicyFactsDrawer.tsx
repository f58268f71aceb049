import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Checkbox, Col, DatePicker, Divider, Drawer, Form, Input, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { JobReferralFacts, JobReferralOutcome } from '../../../../../src/domain/policy/assessment.types';
import { careLevelOf, countFailedActivities, SELF_CARE_ACTIVITIES } from '../../../../../src/domain/registry/self-care';
import { useIsPhone } from '../../../components/useIsPhone';
import { dayjs, formatDateTime, todayInChina } from '../../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../../lib/errors';
import {
  CARE_LEVEL_LABELS,
  DISABILITY_CATEGORY_LABELS,
  DISABILITY_GRADE_LABELS,
  describeDisability,
  describeDisabilityComponents,
  HOME_CARE_CONDITION_LABELS,
  JOB_REFERRAL_OUTCOME_LABELS,
  MEANS_TEST_EXCLUSION_LABELS,
  OBLIGOR_INABILITY_GROUND_LABELS,
  optionsOf,
  R43_REFUSALS_IN_A_ROW,
  SELF_CARE_ACTIVITY_LABELS,
  SINGLE_DISABILITY_CATEGORIES,
  SUPPORT_MODE_LABELS,
  unjustifiedRefusalRun,
  type CareLevel,
  type SelfCareActivity,
} from '../../../lib/labels';
import type { MemberView } from '../../households/api';
import type { PolicyFactsInput } from '../api';
import { useSetPolicyFacts } from '../hooks/useSetPolicyFacts';

type Activities = Record<SelfCareActivity, boolean>;

interface ObligorValues {
  name: string;
  relationship: string;
  /** '' = 有履行能力 */
  inabilityGround: string;
}

interface JobReferralValues {
  referredOn?: dayjs.Dayjs | null;
  position?: string;
  outcome?: string;
  note?: string;
}

interface PolicyFactsValues {
  /** '' = 无 */
  meansTestExclusion: string;
  selfCareAssessed: boolean;
  selfCare?: Partial<Activities> & { assessedOn?: dayjs.Dayjs | null };
  /** '' = 未登记 */
  supportMode: string;
  support?: { institution?: string; /** '' = 无 */ homeCondition?: string; since?: dayjs.Dayjs | null };
  obligorsRecorded: boolean;
  obligors?: ObligorValues[];
  componentsRecorded: boolean;
  disabilityComponents?: { category?: string; grade?: number }[];
  referralsRecorded: boolean;
  jobReferrals?: JobReferralValues[];
}

/** Dates after today (Asia/Shanghai): no assessment, arrangement or job offer is dated in the future. */
const afterToday = (d: dayjs.Dayjs) => d.isAfter(dayjs(todayInChina()), 'day');

/** 未登记 (the engine then asks) apart from 已登记 (an empty list says there is none). */
const RECORDED_OPTIONS = [
  { value: false, label: '未登记' },
  { value: true, label: '已登记' },
];
const EXCLUSION_OPTIONS = [{ value: '', label: '无' }, ...optionsOf(MEANS_TEST_EXCLUSION_LABELS)];
const SUPPORT_MODE_OPTIONS = [{ value: '', label: '未登记' }, ...optionsOf(SUPPORT_MODE_LABELS)];
const HOME_CONDITION_OPTIONS = [{ value: '', label: '无' }, ...optionsOf(HOME_CARE_CONDITION_LABELS)];
const OUTCOME_OPTIONS = optionsOf(JOB_REFERRAL_OUTCOME_LABELS);
const GROUND_OPTIONS = [{ value: '', label: '有履行能力' }, ...optionsOf(OBLIGOR_INABILITY_GROUND_LABELS)];
const RELATIONSHIP_SUGGESTIONS = ['配偶', '子女', '父母', '兄弟姐妹', '祖父母', '外祖父母', '孙子女', '外孙子女'].map((value) => ({ value }));
const COMPONENT_CATEGORY_OPTIONS = SINGLE_DISABILITY_CATEGORIES.map((c) => ({ value: c, label: DISABILITY_CATEGORY_LABELS[c] }));
const GRADE_OPTIONS = Object.entries(DISABILITY_GRADE_LABELS).map(([g, label]) => ({ value: Number(g), label }));
const CARE_LEVEL_COLORS: Record<CareLevel, string> = { FULL_SELF_CARE: 'green', PARTIAL_CARE: 'orange', FULL_CARE: 'red' };

function toValues(f: MemberView['policyFacts']): PolicyFactsValues {
  return {
    meansTestExclusion: f.meansTestExclusion ?? '',
    selfCareAssessed: f.selfCare !== null,
    selfCare: f.selfCare
      ? { ...f.selfCare, assessedOn: dayjs(f.selfCare.assessedOn) }
      : { ...(Object.fromEntries(SELF_CARE_ACTIVITIES.map((a) => [a, true])) as Activities), assessedOn: dayjs(todayInChina()) },
    supportMode: f.support?.mode ?? '',
    support: {
      institution: f.support?.institution ?? '',
      homeCondition: f.support?.homeCondition ?? '',
      since: f.support ? dayjs(f.support.since) : null,
    },
    obligorsRecorded: f.obligors !== null,
    obligors: (f.obligors ?? []).map((o) => ({ name: o.name, relationship: o.relationship, inabilityGround: o.inabilityGround ?? '' })),
    componentsRecorded: f.disabilityComponents !== null,
    disabilityComponents: f.disabilityComponents ?? [{}, {}],
    referralsRecorded: f.jobReferrals !== null,
    jobReferrals: (f.jobReferrals ?? []).map((r) => ({ referredOn: dayjs(r.referredOn), position: r.position, outcome: r.outcome, note: r.note ?? '' })),
  };
}

/** R43: the rows as entered so far (those with a date and a result), to preview the run of refusals. */
function enteredReferrals(rows: (JobReferralValues | undefined)[] | undefined): JobReferralFacts[] {
  return (rows ?? []).flatMap((r) =>
    r?.referredOn && r.outcome
      ? [{ referredOn: r.referredOn.format('YYYY-MM-DD'), position: r.position?.trim() ?? '', outcome: r.outcome as JobReferralOutcome, note: r.note?.trim() || null }]
      : [],
  );
}

/** R56: the institution only for 集中供养, the community resident's illness only for 分散供养. */
function supportBody(v: PolicyFactsValues): PolicyFactsInput['support'] {
  if (!v.supportMode) return null;
  const s = v.support ?? {};
  const institution = s.institution?.trim() ?? '';
  return {
    mode: v.supportMode as NonNullable<PolicyFactsInput['support']>['mode'],
    institution: v.supportMode === 'INSTITUTIONAL' && institution ? institution : null,
    homeCondition: (v.supportMode === 'HOME' && s.homeCondition ? s.homeCondition : null) as NonNullable<PolicyFactsInput['support']>['homeCondition'],
    since: (s.since ?? dayjs()).format('YYYY-MM-DD'),
  };
}

/** `multiple`: the member's certificate says 多重残疾 (its categories are cleared otherwise). */
function toBody(v: PolicyFactsValues, multiple: boolean): PolicyFactsInput {
  const s = v.selfCare ?? {};
  return {
    meansTestExclusion: (v.meansTestExclusion || null) as PolicyFactsInput['meansTestExclusion'],
    selfCare: v.selfCareAssessed
      ? {
          eating: !!s.eating,
          dressing: !!s.dressing,
          gettingInOutOfBed: !!s.gettingInOutOfBed,
          usingToilet: !!s.usingToilet,
          walkingIndoors: !!s.walkingIndoors,
          bathing: !!s.bathing,
          assessedOn: (s.assessedOn ?? dayjs()).format('YYYY-MM-DD'),
        }
      : null,
    support: supportBody(v),
    obligors: v.obligorsRecorded
      ? (v.obligors ?? []).map((o) => ({
          name: o.name.trim(),
          relationship: o.relationship.trim(),
          inabilityGround: (o.inabilityGround || null) as NonNullable<PolicyFactsInput['obligors']>[number]['inabilityGround'],
        }))
      : null,
    disabilityComponents: multiple && v.componentsRecorded
      ? (v.disabilityComponents ?? []).map((c) => ({
          category: c.category as NonNullable<PolicyFactsInput['disabilityComponents']>[number]['category'],
          grade: c.grade ?? 0,
        }))
      : null,
    jobReferrals: v.referralsRecorded
      ? (v.jobReferrals ?? []).map((r) => ({
          referredOn: (r.referredOn ?? dayjs()).format('YYYY-MM-DD'),
          position: (r.position ?? '').trim(),
          outcome: r.outcome as NonNullable<PolicyFactsInput['jobReferrals']>[number]['outcome'],
          note: r.note?.trim() || null,
        }))
      : null,
  };
}

/** R53 result of the six boxes as they stand: 全自理 / 半护理 / 全护理, updated while ticking. */
export function CareLevelPreview({ activities }: { activities: Partial<Activities> | undefined }) {
  const a = Object.fromEntries(SELF_CARE_ACTIVITIES.map((k) => [k, !!activities?.[k]])) as Activities;
  const level = careLevelOf(a);
  const failed = countFailedActivities(a);
  return (
    <div data-testid="care-level" aria-live="polite">
      护理等级：
      <Tag color={CARE_LEVEL_COLORS[level]} style={{ marginInlineEnd: 4 }}>
        {CARE_LEVEL_LABELS[level]}
      </Tag>
      <Typography.Text type="secondary">（{failed === 0 ? '六项均能自主完成' : `${failed}项不能自主完成`}）</Typography.Text>
    </div>
  );
}

/**
 * 救助认定信息 of one member (PUT …/members/:personId/policy-facts): R15 不计入家庭人口情形,
 * R53 生活自理能力评估 with the resulting care level, R56 供养方式, R51 法定义务人, for a member
 * whose certificate says 多重残疾, its categories with their grades (R49, R31), and the jobs the
 * employment services offered with what became of them (R43: refused without good reason 3 times
 * in a row, the member's own share is reduced or stopped — flagged while entering). 未评估 / 未登记
 * are kept apart from "all able" / "no obligor" / "no job offered", because the policy engine
 * treats them differently.
 */
export function MemberPolicyFactsDrawer({
  householdId,
  member,
  canWrite,
  onClose,
}: {
  householdId: string;
  member: MemberView | null;
  canWrite: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<PolicyFactsValues>();
  const save = useSetPolicyFacts(householdId);
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const selfCareAssessed = Form.useWatch('selfCareAssessed', form);
  const obligorsRecorded = Form.useWatch('obligorsRecorded', form);
  const supportMode = Form.useWatch('supportMode', form);
  const componentsRecorded = Form.useWatch('componentsRecorded', form);
  const referralsRecorded = Form.useWatch('referralsRecorded', form);
  const referralRows = Form.useWatch('jobReferrals', form);
  const refusalRun = referralsRecorded ? unjustifiedRefusalRun(enteredReferrals(referralRows), todayInChina()) : [];
  const person = member?.person;
  // shown for a 多重残疾 certificate; categories recorded for a certificate since changed are
  // named and cleared on saving
  const multiple = person?.disabilityCategory === 'MULTIPLE';
  const staleComponents = !multiple ? (member?.policyFacts.disabilityComponents ?? null) : null;
  // `preserve`: the store's values even before the six boxes mount. Without it the first render
  // of the section saw no boxes registered, and showed 全护理（6项） for a moment.
  const activities = Form.useWatch('selfCare', { form, preserve: true });

  useEffect(() => {
    if (!member) return;
    form.resetFields();
    form.setFieldsValue(toValues(member.policyFacts));
  }, [member, form]);

  const submit = (v: PolicyFactsValues) => {
    if (!member) return;
    save.mutate(
      { personId: member.person.id, body: toBody({ ...form.getFieldsValue(true), ...v }, member.person.disabilityCategory === 'MULTIPLE') },
      {
        onSuccess: () => {
          void message.success('已保存救助认定信息');
          onClose();
        },
        onError: (e) => {
          applyFieldErrors(form, e);
          void message.error(errorMessage(e));
        },
      },
    );
  };

  const updatedAt = member?.policyFacts.updatedAt;
  return (
    <Drawer
      title={member ? `救助认定信息：${member.person.name}` : '救助认定信息'}
      open={!!member}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      destroyOnHidden
      footer={
        canWrite && (
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              保存
            </Button>
          </Space>
        )
      }
    >
      <Form<PolicyFactsValues> form={form} name="member-policy-facts" layout="vertical" onFinish={submit} disabled={!canWrite} initialValues={member ? toValues(member.policyFacts) : undefined}>
        <Form.Item label="不计入家庭人口情形" name="meansTestExclusion" extra="宗教教职人员离家3年以上、服刑、强制隔离戒毒、被宣告失踪、现役义务兵等不计入共同生活的家庭成员">
          <Select options={EXCLUSION_OPTIONS} />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          生活自理能力评估
        </Divider>
        <Form.Item name="selfCareAssessed">
          <Radio.Group
            options={[
              { value: false, label: '未评估' },
              { value: true, label: '已评估' },
            ]}
          />
        </Form.Item>
        {selfCareAssessed && (
          <>
            <Typography.Text style={{ display: 'block', marginBottom: 8 }}>能自主完成（勾选），未勾选即不能自主完成：</Typography.Text>
            <Row gutter={[8, 0]}>
              {SELF_CARE_ACTIVITIES.map((a) => (
                <Col key={a} xs={12} sm={8}>
                  <Form.Item name={['selfCare', a]} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{SELF_CARE_ACTIVITY_LABELS[a]}</Checkbox>
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Row gutter={16} align="middle">
              <Col xs={24} sm={12}>
                <Form.Item label="评估日期" name={['selfCare', 'assessedOn']} rules={[{ required: true, message: '请选择评估日期' }]}>
                  <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} style={{ marginBottom: 16 }}>
                <CareLevelPreview activities={activities} />
              </Col>
            </Row>
          </>
        )}

        <Divider titlePlacement="start" plain>
          供养方式（特困人员）
        </Divider>
        <Form.Item
          name="supportMode"
          extra="集中供养人员及社区居住的精神病、传染病患者，照料护理标准按规定上浮（P21）；未登记时供养标准不计上浮"
        >
          <Radio.Group options={SUPPORT_MODE_OPTIONS} />
        </Form.Item>
        {supportMode && (
          <Row gutter={16}>
            {supportMode === 'INSTITUTIONAL' ? (
              <Col xs={24} sm={12}>
                <Form.Item label="供养机构" name={['support', 'institution']} rules={[{ max: 60 }]}>
                  <Input maxLength={60} placeholder="如：××乡敬老院" />
                </Form.Item>
              </Col>
            ) : (
              <Col xs={24} sm={12}>
                <Form.Item label="社区居住患病情形" name={['support', 'homeCondition']}>
                  <Select options={HOME_CONDITION_OPTIONS} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} sm={12}>
              <Form.Item label="起始日期" name={['support', 'since']} rules={[{ required: true, message: '请选择起始日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
              </Form.Item>
            </Col>
          </Row>
        )}

        {staleComponents && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`残疾证已不是多重残疾，原登记的多重残疾各类别等级（${describeDisabilityComponents(staleComponents)}）保存时将清除`}
          />
        )}
        {multiple && (
          <>
            <Divider titlePlacement="start" plain>
              多重残疾各类别等级
            </Divider>
            <Form.Item
              name="componentsRecorded"
              extra={`残疾证：${person?.disabilityCategory && person.disabilityGrade ? describeDisability(person.disabilityCategory, person.disabilityGrade) : '未登记等级'}。按残疾证登记各类别及其等级，定级按最重类别；是否无劳动能力、是否重度残疾按各类别等级认定，未登记时需人工核实`}
            >
              <Radio.Group options={RECORDED_OPTIONS} />
            </Form.Item>
            {componentsRecorded && (
              <Form.List
                name="disabilityComponents"
                rules={[
                  {
                    validator: async (_, list: unknown[] | undefined) => {
                      if (!list || list.length < 2) throw new Error('多重残疾至少登记两个类别');
                    },
                  },
                ]}
              >
                {(fields, { add, remove }, { errors }) => (
                  <>
                    {fields.map((f, i) => (
                      <Row key={f.key} gutter={8} align="top">
                        <Col xs={12} sm={11}>
                          <Form.Item name={[f.name, 'category']} label={i === 0 ? '残疾类别' : undefined} rules={[{ required: true, message: '请选择残疾类别' }]}>
                            <Select options={COMPONENT_CATEGORY_OPTIONS} />
                          </Form.Item>
                        </Col>
                        <Col xs={8} sm={11}>
                          <Form.Item name={[f.name, 'grade']} label={i === 0 ? '等级' : undefined} rules={[{ required: true, message: '请选择等级' }]}>
                            <Select options={GRADE_OPTIONS} />
                          </Form.Item>
                        </Col>
                        <Col xs={4} sm={2} style={{ paddingTop: i === 0 ? 30 : 0 }}>
                          <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除残疾类别" onClick={() => remove(f.name)} />
                        </Col>
                      </Row>
                    ))}
                    <Form.ErrorList errors={errors} />
                    {fields.length < SINGLE_DISABILITY_CATEGORIES.length && (
                      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                        添加残疾类别
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            )}
          </>
        )}

        <Divider titlePlacement="start" plain>
          就业服务机构介绍工作（R43）
        </Divider>
        <Form.Item name="referralsRecorded" extra={`记录人社部门、就业服务机构介绍的工作及结果；有劳动能力的成员无正当理由连续${R43_REFUSALS_IN_A_ROW}次拒绝的，按规定减发或停发其本人低保金（R43）`}>
          <Radio.Group options={RECORDED_OPTIONS} />
        </Form.Item>
        {referralsRecorded && (
          <Form.List name="jobReferrals">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && (
                  <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }} data-testid="no-job-referrals">
                    未介绍工作
                  </Typography.Text>
                )}
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={8} align="top" style={isPhone ? { borderBottom: '1px solid #f0f0f0', marginBottom: 8 } : undefined}>
                    <Col xs={12} sm={5}>
                      <Form.Item name={[f.name, 'referredOn']} label={i === 0 || isPhone ? '介绍日期' : undefined} rules={[{ required: true, message: '请选择介绍日期' }]}>
                        <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'position']} label={i === 0 || isPhone ? '介绍的工作' : undefined} rules={[{ required: true, whitespace: true, message: '请输入介绍的工作' }, { max: 60 }]}>
                        <Input maxLength={60} placeholder="单位及岗位" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'outcome']} label={i === 0 || isPhone ? '结果' : undefined} rules={[{ required: true, message: '请选择结果' }]}>
                        <Select options={OUTCOME_OPTIONS} popupMatchSelectWidth={isPhone ? true : 180} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} sm={5}>
                      <Form.Item name={[f.name, 'note']} label={i === 0 || isPhone ? '备注' : undefined} rules={[{ max: 200 }]}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} sm={2} style={{ paddingTop: i === 0 || isPhone ? 30 : 0 }}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除介绍的工作" onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                {refusalRun.length >= R43_REFUSALS_IN_A_ROW && (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 12 }}
                    data-testid="r43-run"
                    title={`已连续${refusalRun.length}次无正当理由拒绝介绍的工作：成员有劳动能力的，按R43减发或停发其本人低保金（按本地减发办法P76，或由县级民政部门决定）`}
                  />
                )}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ referredOn: null, position: '', note: '' })} style={{ marginBottom: 16 }}>
                  添加介绍的工作
                </Button>
              </>
            )}
          </Form.List>
        )}

        <Divider titlePlacement="start" plain>
          法定赡养/抚养/扶养义务人
        </Divider>
        <Form.Item name="obligorsRecorded" extra="“未登记”表示尚未核实义务人情况：同户有确定具备履行能力的义务人（如18至59周岁、无残疾重病的户主为子女的义务人）时按其认定，否则特困认定待定；已登记而列表为空表示无法定义务人">
          <Radio.Group options={RECORDED_OPTIONS} />
        </Form.Item>
        {obligorsRecorded && (
          <Form.List name="obligors">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && (
                  <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }} data-testid="no-obligors">
                    无法定义务人
                  </Typography.Text>
                )}
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={8} align="top" style={isPhone ? { borderBottom: '1px solid #f0f0f0', marginBottom: 8 } : undefined}>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'name']} label={i === 0 || isPhone ? '姓名' : undefined} rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={5}>
                      <Form.Item name={[f.name, 'relationship']} label={i === 0 || isPhone ? '关系' : undefined} rules={[{ required: true, whitespace: true, message: '请输入关系' }, { max: 20 }]}>
                        <AutoComplete options={RELATIONSHIP_SUGGESTIONS} maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} sm={11}>
                      <Form.Item name={[f.name, 'inabilityGround']} label={i === 0 || isPhone ? '无履行能力情形' : undefined}>
                        <Select options={GROUND_OPTIONS} popupMatchSelectWidth={isPhone ? true : 420} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} sm={2} style={{ paddingTop: i === 0 || isPhone ? 30 : 0 }}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除义务人" onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', relationship: '', inabilityGround: '' })}>
                  添加义务人
                </Button>
              </>
            )}
          </Form.List>
        )}
      </Form>
      {updatedAt && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 16, fontSize: 12 }}>
          最近更新：{formatDateTime(updatedAt)}
        </Typography.Text>
      )}
    </Drawer>
  );
}
