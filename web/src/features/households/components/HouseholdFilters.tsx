import { Button, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { CATEGORY_LABELS, HOUSEHOLD_STATUS_LABELS, optionsOf, URBAN_RURAL_LABELS } from '../../../lib/labels';
import type { HouseholdListQuery } from '../api';

export const SEARCH_PLACEHOLDER = '姓名 / 身份证号 / 手机号片段 / 户编号';

type Filters = Omit<HouseholdListQuery, 'page' | 'pageSize'>;

/** Filter bar of 低收入人口; every change goes straight to the URL (page back to 1). */
export function HouseholdFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const [form] = Form.useForm<{ q?: string }>();
  useEffect(() => {
    form.setFieldsValue({ q: value.q ?? '' });
  }, [value.q, form]);

  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof Filters)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };

  return (
    <Form form={form} name="household-filters" layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item label="关键词" name="q">
        <Input.Search
          placeholder={SEARCH_PLACEHOLDER}
          allowClear
          enterButton="查询"
          maxLength={40}
          style={{ width: 340, maxWidth: 'calc(100vw - 100px)' }}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
      </Form.Item>
      <Form.Item label="区域" htmlFor="household-filter-region">
        <RegionTreeSelect id="household-filter-region" value={value.region ?? null} onChange={(region) => set({ region })} placeholder="全部区域" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="类别" htmlFor="household-filter-category">
        <Select
          id="household-filter-category"
          style={{ width: 150 }}
          allowClear
          placeholder="全部类别"
          value={value.category}
          options={optionsOf(CATEGORY_LABELS)}
          onChange={(category) => set({ category })}
        />
      </Form.Item>
      <Form.Item label="状态" htmlFor="household-filter-status">
        <Select
          id="household-filter-status"
          style={{ width: 110 }}
          allowClear
          placeholder="全部"
          value={value.status}
          options={optionsOf(HOUSEHOLD_STATUS_LABELS)}
          onChange={(status) => set({ status })}
        />
      </Form.Item>
      <Form.Item label="城乡" htmlFor="household-filter-urban-rural">
        <Select
          id="household-filter-urban-rural"
          style={{ width: 110 }}
          allowClear
          placeholder="全部"
          value={value.urbanRural}
          options={optionsOf(URBAN_RURAL_LABELS)}
          onChange={(urbanRural) => set({ urbanRural })}
        />
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onChange({})}>重置</Button>
      </Form.Item>
    </Form>
  );
}
