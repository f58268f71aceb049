import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { INCOME_TYPE_LABELS } from '../../../lib/labels';
import { formatFen } from '../../../lib/money';
import type { MemberView } from '../../households/api';
import type { IncomeView } from '../api';
import { useAddIncome } from '../hooks/useAddIncome';
import { usePeriodAmountForm } from '../hooks/usePeriodAmountForm';
import { useRemoveIncome } from '../hooks/useRemoveIncome';
import type { PeriodAmountKind } from '../period-amount';
import { PeriodAmountFields, periodAmountColumns } from './PeriodAmountFields';
import { RecordFormModal } from './RecordFormModal';
import { RecordTable } from './RecordTable';

const INCOME: PeriodAmountKind<'incomeType'> = { noun: '收入', typeField: 'incomeType', typeLabels: INCOME_TYPE_LABELS };

/** 收入: list (amounts in 元, 2 decimals) and 登记收入 (entered in 元, sent as integer 分). */
export function IncomeTab({ householdId, incomes, members, canWrite }: { householdId: string; incomes: IncomeView[]; members: MemberView[]; canWrite: boolean }) {
  const add = useAddIncome(householdId);
  const remove = useRemoveIncome(householdId);
  const editor = usePeriodAmountForm(INCOME, add, '已登记收入');
  const totalFen = incomes.reduce((s, i) => s + i.amountFen, 0);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text>
          合计：<Typography.Text strong data-testid="income-total">{formatFen(totalFen)}</Typography.Text> 元
        </Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.show}>
            登记收入
          </Button>
        )}
      </Flex>
      <RecordTable<IncomeView>
        records={incomes}
        columns={periodAmountColumns(INCOME)}
        withNote
        canWrite={canWrite}
        deleteTitle="确定删除这条收入记录？"
        onDelete={(itemId) => remove.mutateAsync({ itemId })}
      />
      <RecordFormModal title="登记收入" name="income-add" editor={editor} members={members} sourceDetailPlaceholder="如：人社局 2026 年 3 月工资数据" withNote>
        <PeriodAmountFields kind={INCOME} amountExtra="单位：元，最多两位小数" />
      </RecordFormModal>
    </>
  );
}
