import { Typography } from 'antd';
import { moneyStandardText, normaliseMoneyStandard } from '../../../../../src/domain/policy/parameter-proposal.rules';
import { messageForDetail } from '../../../lib/errors';

/**
 * What the server will store for a typed standard (POLICY.md §0.3): '折合 每人每月 450.00元'
 * plus the published annual figure; the catalog's wording when the amount is not valid.
 */
export function MoneyStandardPreview({ amount, unit }: { amount: unknown; unit: unknown }) {
  if (amount === undefined || amount === null || String(amount).trim() === '') return null;
  const r = normaliseMoneyStandard({ amount: typeof amount === 'string' ? amount.trim() : amount, unit });
  if (!r.ok) {
    return (
      <Typography.Text type="danger" data-testid="money-normalised">
        {messageForDetail(r.violations[0]!)}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" data-testid="money-normalised">
      折合 {moneyStandardText(r.value)}
    </Typography.Text>
  );
}
