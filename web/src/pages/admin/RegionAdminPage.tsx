import { App, Button, Card, Col, Descriptions, Empty, Form, Row, Select, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { UpdateRegionBody } from '../../../../src/contracts/regions.schemas';
import { PageContainer } from '../../components/PageContainer';
import { QueryError } from '../../components/QueryError';
import { RegionTree } from '../../features/regions/components/RegionTree';
import { useRegion } from '../../features/regions/hooks/useRegion';
import { useUpdateRegion } from '../../features/regions/hooks/useUpdateRegion';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { AREA_TYPE_LABELS, optionsOf, REGION_LEVEL_LABELS, URBAN_RURAL_LABELS } from '../../lib/labels';

interface Values {
  urbanRural?: 'URBAN' | 'RURAL' | null;
  areaType?: 'URBAN' | 'FARMING' | 'PASTORAL' | 'MIXED' | null;
}

/** 区划属性: pick a region in the tree, set 城乡属性 and 区域类型 (PATCH /api/regions/:code). */
export default function RegionAdminPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code');
  const region = useRegion(code);
  const update = useUpdateRegion();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  useEffect(() => {
    if (region.data) form.setFieldsValue({ urbanRural: (region.data.urbanRural as Values['urbanRural']) ?? undefined, areaType: (region.data.areaType as Values['areaType']) ?? undefined });
  }, [region.data, form]);

  const submit = (v: Values) => {
    if (!code) return;
    const body: UpdateRegionBody = { urbanRural: v.urbanRural ?? null, areaType: v.areaType ?? null };
    update.mutate(
      { code, body },
      {
        onSuccess: () => void message.success('已保存'),
        onError: (e) => {
          applyFieldErrors(form, e);
          void message.error(errorMessage(e));
        },
      },
    );
  };

  return (
    <PageContainer title="区划属性">
      <Row gutter={[12, 12]}>
        <Col xs={24} md={10} lg={8}>
          <Card title="行政区划" size="small">
            <RegionTree selected={code} onSelect={(c) => setParams({ code: c }, { replace: true })} />
          </Card>
        </Col>
        <Col xs={24} md={14} lg={16}>
          <Card title="属性" size="small">
            {!code && <Empty description="请在左侧选择一个区划" />}
            {code && region.isPending && <Skeleton active />}
            {code && region.isError && <QueryError error={region.error} onRetry={() => void region.refetch()} />}
            {region.data && (
              <>
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 3 }}
                  style={{ marginBottom: 16 }}
                  items={[
                    { key: 'name', label: '名称', children: <span data-testid="region-name">{region.data.name}</span> },
                    { key: 'code', label: '代码', children: region.data.code },
                    { key: 'level', label: '级别', children: REGION_LEVEL_LABELS[region.data.level] ?? region.data.level },
                  ]}
                />
                <Form<Values> form={form} name="region-flags" layout="vertical" onFinish={submit} style={{ maxWidth: 480 }}>
                  <Form.Item label="城乡属性" name="urbanRural">
                    <Select allowClear placeholder="未设置" options={optionsOf(URBAN_RURAL_LABELS)} />
                  </Form.Item>
                  <Form.Item label="区域类型" name="areaType">
                    <Select allowClear placeholder="未设置" options={optionsOf(AREA_TYPE_LABELS)} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={update.isPending}>
                    保存
                  </Button>
                </Form>
              </>
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
