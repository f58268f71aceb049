import { DataTable } from '../../components/DataTable';
import { Card, Col, Empty, Pagination, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import type { DuplicateGroup } from '../../features/households/api';
import { useDuplicateList } from '../../features/households/hooks/useDuplicateList';

const PAGE_SIZE = 12;

/** 疑似重复: same name + birth date + county with different identity numbers, each linked to its household. */
export default function DuplicateListPage() {
  const q = useDuplicateList();
  const [page, setPage] = useState(1);

  return (
    <PageContainer title="疑似重复">
      <Typography.Paragraph type="secondary">
        以下人员姓名、出生日期和所在县相同，但身份证号不同，可能是同一人被重复登记或身份证号录入有误，请逐一核实。
      </Typography.Paragraph>
      {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending && <Skeleton active />}
      {q.data && q.data.items.length === 0 && <Empty description="没有发现疑似重复的人员" />}
      {q.data && q.data.items.length > 0 && (
        <>
          <Typography.Paragraph>共 {q.data.total} 组</Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {q.data.items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((g) => (
              <Col key={`${g.name}-${g.birthDate}-${g.countyCode}`} xs={24} lg={12} xxl={8}>
                <DuplicateCard group={g} />
              </Col>
            ))}
          </Row>
          {q.data.items.length > PAGE_SIZE && (
            <Pagination style={{ marginTop: 12 }} current={page} pageSize={PAGE_SIZE} total={q.data.items.length} onChange={setPage} showSizeChanger={false} />
          )}
        </>
      )}
    </PageContainer>
  );
}

function DuplicateCard({ group }: { group: DuplicateGroup }) {
  return (
    <Card size="small" title={`${group.name} · ${group.birthDate}`} extra={<Typography.Text type="secondary">县区 {group.countyCode}</Typography.Text>} data-testid="duplicate-group">
      <DataTable
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={group.persons}
        columns={[
          { title: '身份证号', dataIndex: 'idNumber', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          {
            title: '所在家庭',
            dataIndex: 'householdNo',
            render: (no: string | null, p) => (p.householdId ? <Link to={`/households/${p.householdId}`}>{no ?? '查看家庭'}</Link> : '未在任何家庭'),
          },
        ]}
      />
    </Card>
  );
}
