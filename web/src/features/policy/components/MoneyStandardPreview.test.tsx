import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MoneyStandardPreview } from './MoneyStandardPreview';

describe('MoneyStandardPreview (POLICY.md §0.3)', () => {
  it('shows 5,400元/人·年 as 每人每月 450.00元 with the published figure', () => {
    render(<MoneyStandardPreview amount="5400" unit="YUAN_PER_PERSON_YEAR" />);
    expect(screen.getByTestId('money-normalised').textContent).toBe('折合 每人每月 450.00元（公布标准 每人每年 5,400.00元）');
  });

  it('rounds an annual figure half up to the fen', () => {
    render(<MoneyStandardPreview amount="5400.06" unit="YUAN_PER_PERSON_YEAR" />);
    expect(screen.getByTestId('money-normalised').textContent).toBe('折合 每人每月 450.01元（公布标准 每人每年 5,400.06元）');
  });

  it('shows a monthly figure as typed, and refuses a third decimal in Chinese', () => {
    const { rerender } = render(<MoneyStandardPreview amount="450.5" unit="YUAN_PER_PERSON_MONTH" />);
    expect(screen.getByTestId('money-normalised').textContent).toBe('折合 每人每月 450.50元');
    rerender(<MoneyStandardPreview amount="450.555" unit="YUAN_PER_PERSON_MONTH" />);
    expect(screen.getByTestId('money-normalised').textContent).toContain('最多保留两位小数');
  });
});
