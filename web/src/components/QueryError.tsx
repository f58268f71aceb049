import { Alert, Button } from 'antd';
import { errorMessage } from '../lib/errors';

/** A failed query: the Chinese message and 「重试」. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        )
      }
      style={{ marginBottom: 12 }}
    />
  );
}
