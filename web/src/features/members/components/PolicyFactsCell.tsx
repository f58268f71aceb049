import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import type { JobReferralFacts } from '../../../../../src/domain/policy/assessment.types';
import { careLevelOf } from '../../../../../src/domain/registry/self-care';
import { todayInChina } from '../../../lib/dates';
import {
  CARE_LEVEL_LABELS,
  componentsOfCertificate,
  labelOf,
  MEANS_TEST_EXCLUSION_LABELS,
  R43_REFUSALS_IN_A_ROW,
  SUPPORT_MODE_LABELS,
  unjustifiedRefusalRun,
} from '../../../lib/labels';
import type { MemberView } from '../../households/api';
import { MemberPolicyFactsDrawer } from './MemberPolicyFactsDrawer';

/**
 * Member row: 不计入 / 护理等级 / 供养方式 / a 多重残疾 not broken down / R43 jobs refused without
 * good reason in a row, at a glance, and the 救助认定信息 action opening the drawer.
 */
export function PolicyFactsCell({ householdId, member, canWrite }: { householdId: string; member: MemberView; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const f = member.policyFacts;
  // the view types the outcome as a plain string; the codes are those of JobReferralFacts
  const refusals = unjustifiedRefusalRun(f.jobReferrals as JobReferralFacts[] | null, todayInChina()).length;
  return (
    <>
      <Space size={[0, 2]} wrap>
        {f.meansTestExclusion && (
          <Tag color="purple" title={labelOf(MEANS_TEST_EXCLUSION_LABELS, f.meansTestExclusion)}>
            不计入
          </Tag>
        )}
        {f.selfCare && <Tag>{CARE_LEVEL_LABELS[careLevelOf(f.selfCare)]}</Tag>}
        {f.support && <Tag title={f.support.institution ?? undefined}>{labelOf(SUPPORT_MODE_LABELS, f.support.mode)}</Tag>}
        {member.person.disabilityCategory === 'MULTIPLE' && !componentsOfCertificate('MULTIPLE', member.person.disabilityGrade, f.disabilityComponents) && (
          <Tag color="orange" title="多重残疾的各类别等级未登记或与残疾证等级不符：是否无劳动能力、是否重度残疾需人工核实（R49、R31）">
            {f.disabilityComponents ? '多重残疾类别待更新' : '多重残疾类别未登记'}
          </Tag>
        )}
        {refusals >= R43_REFUSALS_IN_A_ROW && (
          <Tag color="red" title={`有劳动能力的成员无正当理由连续${R43_REFUSALS_IN_A_ROW}次拒绝就业服务机构介绍的工作，按规定减发或停发其本人低保金（R43）`}>
            {`连续拒绝就业${refusals}次`}
          </Tag>
        )}
        <Button type="link" size="small" onClick={() => setOpen(true)} style={{ paddingInline: 0 }}>
          救助认定信息
        </Button>
      </Space>
      <MemberPolicyFactsDrawer householdId={householdId} member={open ? member : null} canWrite={canWrite} onClose={() => setOpen(false)} />
    </>
  );
}
