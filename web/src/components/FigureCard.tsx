import { Card, Col, Statistic, type ColProps } from 'antd';

/**
 * A figure of a list in a card; clicking it opens that list. An `alert` figure above zero is
 * shown in red (overdue work).
 */
export function FigureCard({ title, value, suffix, onClick, alert = false, col, testId }: {
  title: string;
  value: number | string | undefined;
  suffix: string;
  onClick?: (() => void) | undefined;
  alert?: boolean;
  col: ColProps;
  testId?: string;
}) {
  return (
    <Col {...col} data-testid={testId}>
      <Card size="small" hoverable={!!onClick} onClick={onClick} style={{ cursor: onClick ? 'pointer' : undefined }}>
        <Statistic title={title} value={value ?? '—'} suffix={value === undefined ? undefined : suffix} styles={alert && value ? { content: { color: '#cf1322' } } : undefined} />
      </Card>
    </Col>
  );
}
