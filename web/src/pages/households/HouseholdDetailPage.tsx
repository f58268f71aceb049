import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Result, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { useIsPhone } from '../../components/useIsPhone';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { AssessmentTab } from '../../features/assessments/components/AssessmentTab';
import { AssetTab } from '../../features/household-records/components/AssetTab';
import { CategoryTab } from '../../features/household-records/components/CategoryTab';
import { ExpenditureCard } from '../../features/household-records/components/ExpenditureCard';
import { IncomeTab } from '../../features/household-records/components/IncomeTab';
import type { MemberView } from '../../features/households/api';
import { HouseholdEditModal } from '../../features/households/components/HouseholdEditModal';
import { HouseholdSummary } from '../../features/households/components/HouseholdSummary';
import { HouseholdTimeline } from '../../features/households/components/HouseholdTimeline';
import { useHousehold } from '../../features/households/hooks/useHousehold';
import { useUpdateHousehold } from '../../features/households/hooks/useUpdateHousehold';
import { AddMemberDrawer } from '../../features/members/components/AddMemberDrawer';
import { FormerMemberTable, MemberTable } from '../../features/members/components/MemberTable';
import { PersonEditDrawer } from '../../features/members/components/PersonEditDrawer';
import { RemoveMemberModal } from '../../features/members/components/RemoveMemberModal';
import { isApiError } from '../../lib/api-client';
import { errorMessage, isConflict, messageForCode } from '../../lib/errors';

const TABS = ['members', 'incomes', 'assets', 'categories', 'assessment', 'timeline'] as const;

/** 家庭详情: summary, then 家庭成员 / 收入 / 财产 / 类别 / 变更记录 (tab kept in the URL). */
export default function HouseholdDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const isPhone = useIsPhone();
  const canWrite = can('registry:write');
  const household = useHousehold(id);
  const updateHousehold = useUpdateHousehold(id);
  const [editing, setEditing] = useState(false);
  const [addingMember, setAddingMember] = useState(false);
  const [editMember, setEditMember] = useState<MemberView | null>(null);
  const [removeMember, setRemoveMember] = useState<MemberView | null>(null);

  const tabParam = params.get('tab');
  const tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as string) : 'members';

  if (household.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (household.isError) {
    if (isApiError(household.error) && household.error.status === 404) {
      return (
        <Result
          status="404"
          title={errorMessage(household.error)}
          extra={<Button onClick={() => void navigate('/households')}>返回列表</Button>}
        />
      );
    }
    return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  }
  const h = household.data;

  const makeHead = (m: MemberView) => {
    updateHousehold.mutate(
      { version: h.version, headPersonId: m.person.id },
      {
        onSuccess: () => void message.success(`已将${m.person.name}设为户主`),
        onError: (e) => void message.error(isConflict(e) ? messageForCode('CONFLICT') : errorMessage(e)),
      },
    );
  };

  return (
    <PageContainer
      title={`家庭详情 · ${h.householdNo}`}
      extra={
        <>
          <Button onClick={() => void navigate(-1)}>返回</Button>
          {canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑家庭
            </Button>
          )}
        </>
      }
    >
      <HouseholdSummary household={h} />
      <Card style={{ marginTop: 12 }} styles={{ body: { paddingTop: 4, paddingInline: isPhone ? 12 : undefined } }}>
        <Tabs
          activeKey={tab}
          tabBarGutter={isPhone ? 16 : undefined}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            if (k === 'members') next.delete('tab');
            else next.set('tab', k);
            setParams(next, { replace: true });
          }}
          items={[
            {
              key: 'members',
              label: '家庭成员',
              children: (
                <>
                  {canWrite && (
                    <div style={{ textAlign: 'right', marginBottom: 12 }}>
                      <Button type="primary" icon={<PlusOutlined />} onClick={() => setAddingMember(true)}>
                        添加成员
                      </Button>
                    </div>
                  )}
                  <MemberTable
                    members={h.members}
                    headPersonId={h.headPersonId}
                    canReveal={can('person:reveal')}
                    canWrite={canWrite}
                    onEdit={setEditMember}
                    onRemove={setRemoveMember}
                    onMakeHead={makeHead}
                    householdId={h.id}
                  />
                  {h.formerMembers.length > 0 && (
                    <Collapse
                      style={{ marginTop: 16 }}
                      items={[
                        {
                          key: 'former',
                          label: `已移出成员（${h.formerMembers.length}）`,
                          children: <FormerMemberTable members={h.formerMembers} />,
                        },
                      ]}
                    />
                  )}
                </>
              ),
            },
            {
              key: 'incomes',
              label: '收入',
              children: <IncomeTab householdId={h.id} incomes={h.incomes} members={h.members} canWrite={canWrite} />,
            },
            {
              key: 'assets',
              label: '财产',
              children: <AssetTab householdId={h.id} assets={h.assets} members={h.members} canWrite={canWrite} />,
            },
            {
              key: 'categories',
              label: '类别',
              children: <CategoryTab householdId={h.id} history={h.categoryHistory} members={h.members} canWrite={canWrite} />,
            },
            { key: 'assessment', label: '核算', children: <AssessmentTab householdId={h.id} canRun={can('assessment:run')} /> },
            { key: 'timeline', label: '变更记录', children: <HouseholdTimeline householdId={h.id} /> },
          ]}
        />
      </Card>
      <ExpenditureCard householdId={h.id} expenditures={h.expenditures} members={h.members} canWrite={canWrite} />
      {canWrite && (
        <>
          <HouseholdEditModal household={h} open={editing} onClose={() => setEditing(false)} onRefresh={() => void household.refetch()} />
          <AddMemberDrawer householdId={h.id} open={addingMember} onClose={() => setAddingMember(false)} />
          <PersonEditDrawer member={editMember} onClose={() => setEditMember(null)} />
          <RemoveMemberModal householdId={h.id} member={removeMember} onClose={() => setRemoveMember(null)} />
        </>
      )}
    </PageContainer>
  );
}
