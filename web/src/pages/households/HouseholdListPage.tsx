import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { usePermissions } from '../../features/auth/hooks/usePermissions';
import { householdExportUrl } from '../../features/households/api';
import { HouseholdFilters } from '../../features/households/components/HouseholdFilters';
import { HouseholdTable } from '../../features/households/components/HouseholdTable';
import { useHouseholdList } from '../../features/households/hooks/useHouseholdList';
import { readListQuery, writeListQuery } from '../../features/households/list-params';

/** 低收入人口: filters in the URL, server-side paging, 导出 Excel and 新增家庭 by permission. */
export default function HouseholdListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readListQuery(params), [params]);
  const list = useHouseholdList(query);
  const { can } = usePermissions();
  const navigate = useNavigate();
  const { page: _page, pageSize, ...filters } = query;

  return (
    <PageContainer
      title="低收入人口"
      extra={
        <>
          {can('registry:export') && (
            <Button icon={<DownloadOutlined />} href={householdExportUrl(query)} download>
              导出 Excel
            </Button>
          )}
          {can('registry:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/households/new')}>
              新增家庭
            </Button>
          )}
        </>
      }
    >
      <HouseholdFilters value={filters} onChange={(f) => setParams(writeListQuery({ ...f, page: 1, pageSize }))} />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <HouseholdTable
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped ?? false}
        page={query.page ?? 1}
        pageSize={query.pageSize ?? 20}
        loading={list.isFetching}
        onPageChange={(page, size) => setParams(writeListQuery({ ...filters, page: size !== pageSize ? 1 : page, pageSize: size }))}
      />
    </PageContainer>
  );
}
