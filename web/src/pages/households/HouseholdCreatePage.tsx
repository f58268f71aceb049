import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageContainer } from '../../components/PageContainer';
import type { CreateHouseholdBody } from '../../features/households/api';
import { useCreateHousehold } from '../../features/households/hooks/useCreateHousehold';
import { PersonFields, toPersonInput } from '../../features/members/components/PersonFields';
import { RegionTreeSelect } from '../../features/regions/components/RegionTreeSelect';
import { isApiError } from '../../lib/api-client';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { optionsOf, RELATIONSHIP_LABELS, URBAN_RURAL_LABELS } from '../../lib/labels';

const RELATIONSHIP_OPTIONS = Object.entries(RELATIONSHIP_LABELS)
  .filter(([k]) => k !== 'HEAD')
  .map(([value, label]) => ({ value, label }));

interface Values {
  regionCode: string;
  householdNo?: string;
  address?: string;
  urbanRural: 'URBAN' | 'RURAL';
  head: Record<string, unknown>;
  members?: Record<string, unknown>[];
}

/**
 * 新增家庭: 村/社区 (level 5), optional 户编号, 地址, 城乡类别, 户主 and a dynamic member
 * list. Identity numbers are checked in the browser; the server's VALIDATION_FAILED
 * details (`head.idNumber`, `members.1.idNumber`) land on the matching fields.
 */
export default function HouseholdCreatePage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const create = useCreateHousehold();
  const { message } = App.useApp();
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const submit = (v: Values) => {
    setFormErrors([]);
    const body: CreateHouseholdBody = {
      regionCode: v.regionCode,
      address: (v.address ?? '').trim(),
      urbanRural: v.urbanRural,
      head: toPersonInput(v.head) as CreateHouseholdBody['head'],
      // Keep every row, in order, so that server paths members.N match the form's list.
      members: (v.members ?? []).map((m) => ({ ...toPersonInput(m), relationship: m.relationship }) as CreateHouseholdBody['members'][number]),
    };
    const no = v.householdNo?.trim();
    if (no) body.householdNo = no;
    create.mutate(body, {
      onSuccess: (h) => {
        void message.success(`已新增家庭 ${h.householdNo}`);
        void navigate(`/households/${h.id}`, { replace: true });
      },
      onError: (e) => {
        const { unmapped } = applyFieldErrors(form, e);
        if (isApiError(e) && e.code === 'HOUSEHOLD_NO_TAKEN' && e.details.length === 0) {
          form.setFields([{ name: 'householdNo', errors: [errorMessage(e)] }]);
        }
        setFormErrors([errorMessage(e), ...unmapped]);
      },
    });
  };

  return (
    <PageContainer title="新增家庭">
      <Form<Values>
        form={form}
        name="household-create"
        layout="vertical"
        onFinish={submit}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
        }}
        scrollToFirstError={false}
        initialValues={{ members: [] }}
      >
        <Card title="家庭信息" size="small" style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item
                label="村/社区"
                name="regionCode"
                rules={[
                  { required: true, message: '请选择村/社区' },
                  { pattern: /^[0-9]{12}$/, message: '请选择到村/社区一级' },
                ]}
              >
                <RegionTreeSelect
                  selectableLevel={5}
                  placeholder="选择到村/社区"
                  onChange={(_code, region) => {
                    if (region?.urbanRural === 'URBAN' || region?.urbanRural === 'RURAL') form.setFieldValue('urbanRural', region.urbanRural);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="户编号" name="householdNo" extra="留空由系统生成" rules={[{ max: 32 }]}>
                <Input maxLength={32} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item label="城乡类别" name="urbanRural" rules={[{ required: true, message: '请选择城乡类别' }]}>
                <Select options={optionsOf(URBAN_RURAL_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={24} lg={24}>
              <Form.Item label="地址" name="address" rules={[{ max: 200 }]}>
                <Input maxLength={200} placeholder="如：某某乡某某村3社12号" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="户主" size="small" style={{ marginBottom: 12 }}>
          <PersonFields prefix={['head']} labelPrefix="户主" />
        </Card>

        <Form.List name="members">
          {(fields, { add, remove }) => (
            <Card
              title="其他家庭成员"
              size="small"
              style={{ marginBottom: 12 }}
              extra={
                <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 30}>
                  增加成员
                </Button>
              }
            >
              {fields.length === 0 && <div style={{ color: '#888' }}>尚未添加其他成员。</div>}
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  type="inner"
                  size="small"
                  title={`成员 ${index + 1}`}
                  data-testid={`member-${index}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除成员 ${index + 1}`}>
                      删除
                    </Button>
                  }
                >
                  <Row gutter={16}>
                    <Col xs={24} sm={12} lg={8}>
                      <Form.Item label="与户主关系" name={[field.name, 'relationship']} rules={[{ required: true, message: '请选择与户主关系' }]}>
                        <Select options={RELATIONSHIP_OPTIONS} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <PersonFields prefix={[field.name]} watchPrefix={['members', field.name]} />
                </Card>
              ))}
            </Card>
          )}
        </Form.List>

        {formErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={formErrors[0]}
            description={formErrors.length > 1 ? formErrors.slice(1).join('；') : undefined}
            data-testid="form-error"
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            保存
          </Button>
          <Button onClick={() => void navigate('/households')}>取消</Button>
        </Space>
      </Form>
    </PageContainer>
  );
}
