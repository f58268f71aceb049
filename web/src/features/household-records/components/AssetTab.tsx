import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, InputNumber, Select, type TableColumnsType } from 'antd';
import { ASSET_TYPE_LABELS, labelOf, LIVESTOCK_SPECIES_LABELS, optionsOf, VEHICLE_PURPOSE_LABELS } from '../../../lib/labels';
import { formatFen, parseYuan, yuanRule } from '../../../lib/money';
import type { MemberView } from '../../households/api';
import type { AssetInput, AssetView } from '../api';
import { useAddAsset } from '../hooks/useAddAsset';
import { useRecordForm, type RecordBody } from '../hooks/useRecordForm';
import { useRemoveAsset } from '../hooks/useRemoveAsset';
import { personIdOrNull } from './member-options';
import { RecordFormModal } from './RecordFormModal';
import { RecordTable } from './RecordTable';

interface AssetValues {
  personId: string;
  assetType: string;
  description?: string;
  quantity?: number | null;
  unit?: string;
  valueYuan?: string;
  species?: string;
  vehiclePurpose?: string;
  source: string;
  sourceDetail?: string;
}

const COLUMNS: TableColumnsType<AssetView> = [
  { title: '财产类型', dataIndex: 'assetType', width: 170, render: (v: string, r) => assetTypeText(v, r) },
  { title: '描述', dataIndex: 'description', width: 200, render: (v: string) => v || '—' },
  { title: '数量', key: 'quantity', width: 90, align: 'right', render: (_, r) => (r.quantity === null ? '—' : `${r.quantity}${r.unit ?? ''}`) },
  { title: '价值（元）', dataIndex: 'valueFen', width: 120, align: 'right', render: (v: number | null) => formatFen(v) },
];

/** 牲畜（牦牛） / 车辆（农用车） / 房产 */
function assetTypeText(type: string, r: Pick<AssetView, 'species' | 'vehiclePurpose'>): string {
  const kind = r.species ? labelOf(LIVESTOCK_SPECIES_LABELS, r.species) : r.vehiclePurpose ? labelOf(VEHICLE_PURPOSE_LABELS, r.vehiclePurpose) : null;
  return kind ? `${labelOf(ASSET_TYPE_LABELS, type)}（${kind}）` : labelOf(ASSET_TYPE_LABELS, type);
}

/** The value is optional: empty sends null. A herd's species and a vehicle's use go with their type only. */
function assetBody(v: AssetValues): RecordBody<AssetInput> {
  const valueText = (v.valueYuan ?? '').trim();
  let valueFen: number | null = null;
  if (valueText) {
    const r = parseYuan(valueText);
    if (!r.ok) return { ok: false, field: 'valueYuan', message: r.message };
    valueFen = r.fen;
  }
  const value: AssetInput = {
    personId: personIdOrNull(v.personId),
    assetType: v.assetType as AssetInput['assetType'],
    description: v.description?.trim() ?? '',
    quantity: v.quantity ?? null,
    unit: v.unit?.trim() || null,
    valueFen,
    ...(v.assetType === 'LIVESTOCK' ? { species: (v.species ?? null) as AssetInput['species'] } : {}),
    ...(v.assetType === 'VEHICLE' ? { vehiclePurpose: (v.vehiclePurpose ?? null) as AssetInput['vehiclePurpose'] } : {}),
    source: v.source as AssetInput['source'],
    sourceDetail: v.sourceDetail?.trim() || null,
  };
  return { ok: true, value };
}

/** 财产: list and 登记财产 (value entered in 元, sent as integer 分). */
export function AssetTab({ householdId, assets, members, canWrite }: { householdId: string; assets: AssetView[]; members: MemberView[]; canWrite: boolean }) {
  const add = useAddAsset(householdId);
  const remove = useRemoveAsset(householdId);
  const editor = useRecordForm<AssetValues, AssetInput>({
    add,
    toBody: assetBody,
    successMessage: '已登记财产',
    fieldPaths: { valueFen: 'valueYuan' },
  });

  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.show}>
            登记财产
          </Button>
        </Flex>
      )}
      <RecordTable<AssetView> records={assets} columns={COLUMNS} canWrite={canWrite} deleteTitle="确定删除这条财产记录？" onDelete={(itemId) => remove.mutateAsync({ itemId })} />
      <RecordFormModal title="登记财产" name="asset-add" editor={editor} members={members}>
        <Col xs={24} sm={12}>
          <Form.Item label="财产类型" name="assetType" rules={[{ required: true, message: '请选择财产类型' }]}>
            <Select options={optionsOf(ASSET_TYPE_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="描述" name="description" rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder="如：砖混结构住房 80 平方米；牦牛" />
          </Form.Item>
        </Col>
        <Form.Item noStyle shouldUpdate={(a: AssetValues, b: AssetValues) => a.assetType !== b.assetType}>
          {({ getFieldValue }) => {
            const type = getFieldValue('assetType') as string | undefined;
            if (type === 'LIVESTOCK') {
              return (
                <Col xs={24} sm={12}>
                  <Form.Item label="畜种" name="species" rules={[{ required: true, message: '牲畜须按畜种分别登记，请选择畜种' }]} extra="一种牲畜登记一条，数量填头（只、匹）数">
                    <Select options={optionsOf(LIVESTOCK_SPECIES_LABELS)} />
                  </Form.Item>
                </Col>
              );
            }
            if (type === 'VEHICLE') {
              return (
                <Col xs={24} sm={12}>
                  <Form.Item label="车辆用途" name="vehiclePurpose" extra="残疾人专用车、生产作业用车等是否计入，按本地财产规则（P19）">
                    <Select allowClear options={optionsOf(VEHICLE_PURPOSE_LABELS)} />
                  </Form.Item>
                </Col>
              );
            }
            return null;
          }}
        </Form.Item>
        <Col xs={12} sm={6}>
          <Form.Item noStyle shouldUpdate={(a: AssetValues, b: AssetValues) => a.assetType !== b.assetType}>
            {({ getFieldValue }) => {
              const livestock = getFieldValue('assetType') === 'LIVESTOCK';
              return (
                <Form.Item label={livestock ? '数量（头/只/匹）' : '数量'} name="quantity" rules={livestock ? [{ required: true, message: '请填写该畜种的数量' }] : []}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              );
            }}
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label="单位" name="unit" rules={[{ max: 16 }]}>
            <Input maxLength={16} placeholder="如：头、辆、套" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="价值（元）" name="valueYuan" rules={[yuanRule(false, '价值')]}>
            <Input inputMode="decimal" suffix="元" maxLength={20} />
          </Form.Item>
        </Col>
      </RecordFormModal>
    </>
  );
}
