import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useIsPhone } from '../../../components/useIsPhone';
import { EXPENDITURE_TYPE_LABELS } from '../../../lib/labels';
import { formatFen } from '../../../lib/money';
import type { MemberView } from '../../households/api';
import type { ExpenditureView } from '../api';
import { useAddExpenditure } from '../hooks/useAddExpenditure';
import { usePeriodAmountForm } from '../hooks/usePeriodAmountForm';
import { useRemoveExpenditure } from '../hooks/useRemoveExpenditure';
import type { PeriodAmountKind } from '../period-amount';
import { PeriodAmountFields, periodAmountColumns } from './PeriodAmountFields';
import { RecordFormModal } from './RecordFormModal';
import { RecordTable } from './RecordTable';

const EXPENDITURE: PeriodAmountKind<'expenditureType'> = { noun: '支出', typeField: 'expenditureType', typeLabels: EXPENDITURE_TYPE_LABELS };

/** Received assistance and donations are subtracted from rigid expenditure (R47). */
const SUBTRACTED = 'ASSISTANCE_RECEIVED';

/**
 * 刚性支出 (R47): list (amounts in 元, 2 decimals) and 添加刚性支出 (entered in 元, sent as
 * integer 分). The policy engine reads the items of the 12 months before the reference date.
 */
export function ExpenditureCard({
  householdId,
  expenditures,
  members,
  canWrite,
}: {
  householdId: string;
  expenditures: ExpenditureView[];
  members: MemberView[];
  canWrite: boolean;
}) {
  const add = useAddExpenditure(householdId);
  const remove = useRemoveExpenditure(householdId);
  const editor = usePeriodAmountForm(EXPENDITURE, add, '已添加刚性支出');
  const isPhone = useIsPhone();
  const spentFen = expenditures.filter((e) => e.expenditureType !== SUBTRACTED).reduce((s, e) => s + e.amountFen, 0);
  const receivedFen = expenditures.filter((e) => e.expenditureType === SUBTRACTED).reduce((s, e) => s + e.amountFen, 0);

  return (
    <Card
      title="刚性支出"
      style={{ marginTop: 12 }}
      styles={{ body: { paddingInline: isPhone ? 12 : undefined } }}
      extra={
        canWrite && (
          <Button type="primary" size={isPhone ? 'small' : 'middle'} icon={<PlusOutlined />} onClick={editor.show}>
            添加刚性支出
          </Button>
        )
      }
      data-testid="expenditure-card"
    >
      <Flex wrap gap={16} style={{ marginBottom: 12 }}>
        <Typography.Text>
          支出合计：<Typography.Text strong data-testid="expenditure-total">{formatFen(spentFen)}</Typography.Text> 元
        </Typography.Text>
        <Typography.Text>
          已获救助和捐赠：<Typography.Text strong>{formatFen(receivedFen)}</Typography.Text> 元
        </Typography.Text>
      </Flex>
      <RecordTable<ExpenditureView>
        records={expenditures}
        columns={periodAmountColumns(EXPENDITURE, (v, r) => (r.expenditureType === SUBTRACTED ? `-${formatFen(v)}` : formatFen(v)))}
        withNote
        canWrite={canWrite}
        deleteTitle="确定删除这条刚性支出记录？"
        onDelete={remove.mutateAsync}
      />
      <RecordFormModal title="添加刚性支出" name="expenditure-add" editor={editor} members={members} sourceDetailPlaceholder="如：医保局 2026 年 3 月结算数据" withNote>
        <PeriodAmountFields kind={EXPENDITURE} amountExtra="单位：元，最多两位小数；医疗费用填报销后个人负担部分" />
      </RecordFormModal>
    </Card>
  );
}
