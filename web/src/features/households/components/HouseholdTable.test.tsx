import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../../components/AppProviders';
import { HouseholdTable } from './HouseholdTable';

function renderTable(total: number, totalCapped: boolean) {
  render(
    <AppProviders queryClient={createQueryClient()}>
      <HouseholdTable items={[]} total={total} totalCapped={totalCapped} page={1} pageSize={20} loading={false} onPageChange={() => undefined} />
    </AppProviders>,
  );
}

// The server counts a list exactly up to a cap (LIST_TOTAL_CAP); beyond it the table must not
// pretend to know the total.
describe('household list total', () => {
  it('shows the exact total under the cap', async () => {
    renderTable(37, false);
    expect(await screen.findByText('共 37 户')).toBeTruthy();
  });

  it('says "more than" at the cap and asks for a narrower search', async () => {
    renderTable(10_000, true);
    expect(await screen.findByText('超过 10,000 户，请增加查询条件缩小范围')).toBeTruthy();
  });
});
