import { DataTable } from '../../../components/DataTable';
import { Button, Popconfirm, Space, Tag, Tooltip, type TableProps } from 'antd';
import {
  DISABILITY_CATEGORY_LABELS,
  DISABILITY_GRADE_LABELS,
  EMPLOYMENT_LABELS,
  HEALTH_LABELS,
  LABOUR_CAPACITY_LABELS,
  labelOf,
  RELATIONSHIP_LABELS,
  SEX_LABELS,
  STUDENT_STAGE_LABELS,
} from '../../../lib/labels';
import { formatDate } from '../../../lib/dates';
import type { MemberView } from '../../households/api';
import { PolicyFactsCell } from './PolicyFactsCell';
import { RevealButton } from './RevealButton';

export function DisabilityCell({ person }: { person: MemberView['person'] }) {
  if (!person.disabilityCategory) return <>无</>;
  const grade = person.disabilityGrade ? labelOf(DISABILITY_GRADE_LABELS, String(person.disabilityGrade)) : '';
  return (
    <span>
      {labelOf(DISABILITY_CATEGORY_LABELS, person.disabilityCategory)}
      {grade && ` ${grade}`}
      {person.severeDisability && (
        <Tag color="red" style={{ marginInlineStart: 4 }}>
          重残
        </Tag>
      )}
    </span>
  );
}

export interface MemberTableProps {
  members: MemberView[];
  headPersonId: string | null;
  canReveal: boolean;
  canWrite: boolean;
  onEdit: (m: MemberView) => void;
  onRemove: (m: MemberView) => void;
  onMakeHead: (m: MemberView) => void;
  /** Shows the 救助认定信息 column and drawer (R15 / R53 / R51) when given. */
  householdId?: string;
}

/** 家庭成员: identity numbers and phones masked; 「查看」 (audited) with person:reveal. */
export function MemberTable({ members, headPersonId, canReveal, canWrite, onEdit, onRemove, onMakeHead, householdId }: MemberTableProps) {
  const columns: TableProps<MemberView>['columns'] = [
    { title: '姓名', key: 'name', fixed: 'left', width: 90, render: (_, m) => m.person.name },
    { title: '关系', dataIndex: 'relationship', width: 90, render: (v: string) => labelOf(RELATIONSHIP_LABELS, v) },
    {
      title: '身份证号',
      key: 'idNumber',
      width: 240,
      render: (_, m) => (
        <Space size={0}>
          <span style={{ fontFamily: 'monospace' }}>{m.person.idNumber}</span>
          {canReveal && <RevealButton personId={m.person.id} field="idNumber" personName={m.person.name} />}
        </Space>
      ),
    },
    { title: '性别', key: 'sex', width: 56, render: (_, m) => labelOf(SEX_LABELS, m.person.sex) },
    { title: '年龄', key: 'age', width: 56, align: 'right', render: (_, m) => m.person.age },
    { title: '劳动能力', key: 'labour', width: 130, render: (_, m) => labelOf(LABOUR_CAPACITY_LABELS, m.person.labourCapacity) },
    {
      title: '健康',
      key: 'health',
      width: 110,
      render: (_, m) => (
        <>
          {labelOf(HEALTH_LABELS, m.person.healthStatus)}
          {m.person.seriousIllness ? `（${m.person.seriousIllness}）` : ''}
        </>
      ),
    },
    { title: '残疾', key: 'disability', width: 170, render: (_, m) => <DisabilityCell person={m.person} /> },
    { title: '就业', key: 'employment', width: 90, render: (_, m) => labelOf(EMPLOYMENT_LABELS, m.person.employment) },
    { title: '在校', key: 'student', width: 90, render: (_, m) => labelOf(STUDENT_STAGE_LABELS, m.person.studentStage) },
    { title: '电话', key: 'phone', width: 120, render: (_, m) => m.person.phone ?? '—' },
    { title: '加入日期', dataIndex: 'joinedOn', width: 100, render: (v: string) => formatDate(v) },
  ];
  if (householdId) {
    columns.push({ title: '救助认定', key: 'policyFacts', width: 150, render: (_, m) => <PolicyFactsCell householdId={householdId} member={m} canWrite={canWrite} /> });
  }
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 170,
      render: (_, m) => {
        const isHead = m.person.id === headPersonId;
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => onEdit(m)}>
              编辑
            </Button>
            {isHead ? (
              <Tooltip title="户主不能移出，请先把其他成员设为户主">
                <Button type="link" size="small" disabled>
                  移出
                </Button>
              </Tooltip>
            ) : (
              <>
                <Button type="link" size="small" danger onClick={() => onRemove(m)}>
                  移出
                </Button>
                <Popconfirm title={`确定把${m.person.name}设为户主？`} okText="确定" cancelText="取消" onConfirm={() => onMakeHead(m)}>
                  <Button type="link" size="small">
                    设为户主
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        );
      },
    });
  }
  return (
    <div data-testid="member-table">
      <DataTable<MemberView> rowKey="memberId" size="small" columns={columns} dataSource={members} pagination={false} scroll={{ x: 'max-content' }} />
    </div>
  );
}

/** 已移出成员, shown in a collapsed panel below the current members. */
export function FormerMemberTable({ members }: { members: MemberView[] }) {
  return (
    <DataTable<MemberView>
      rowKey="memberId"
      size="small"
      pagination={false}
      dataSource={members}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '姓名', key: 'name', render: (_, m) => m.person.name },
        { title: '关系', dataIndex: 'relationship', render: (v: string) => labelOf(RELATIONSHIP_LABELS, v) },
        { title: '身份证号', key: 'idNumber', render: (_, m) => <span style={{ fontFamily: 'monospace' }}>{m.person.idNumber}</span> },
        { title: '加入日期', dataIndex: 'joinedOn', render: (v: string) => formatDate(v) },
        { title: '移出日期', dataIndex: 'leftOn', render: (v: string | null) => formatDate(v) },
        { title: '移出原因', dataIndex: 'leftReason', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
