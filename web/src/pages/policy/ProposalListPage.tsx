import { Alert } from 'antd';
import { useState } from 'react';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { ParameterHistoryDrawer } from '../../features/policy/components/ParameterHistoryDrawer';
import { ProposalTable } from '../../features/policy/components/ProposalTable';
import { useProposalList } from '../../features/policy/hooks/useProposalList';

/** 参数审批: pending parameter changes in the user's scope (four-eyes, issue 3 §1). */
export default function ProposalListPage() {
  const list = useProposalList();
  const [history, setHistory] = useState<{ code: string; regionCode: string } | null>(null);
  return (
    <PageContainer title="参数审批">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="修改经另一名管理员批准后，自施行日期起生效；本人提出的修改只能撤回，不能审批。" />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <ProposalTable items={list.data?.items ?? []} loading={list.isPending} onHistory={(p) => setHistory({ code: p.code, regionCode: p.regionCode })} />
      <ParameterHistoryDrawer code={history?.code ?? null} regionCode={history?.regionCode} onClose={() => setHistory(null)} />
    </PageContainer>
  );
}
