import { Modal } from 'antd';
import { useEffect, useState } from 'react';
import { apiClient } from '../../../lib/api-client';
import { fetchSession } from '../api';

/**
 * The server ends a session after `idleTimeoutMinutes` without requests. Shortly before,
 * offer 「继续使用」 (one request restarts the server's clock); afterwards, call onExpired
 * so the app goes to 登录 with 「长时间未操作，请重新登录」.
 */
export function IdleWatcher({ idleTimeoutMinutes, onExpired }: { idleTimeoutMinutes: number; onExpired: () => void }) {
  const [remainingMs, setRemainingMs] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const timeoutMs = idleTimeoutMinutes * 60_000;
    // The server refreshes its idle clock at most once a minute: warn early enough.
    const warnBeforeMs = Math.min(2 * 60_000, timeoutMs / 2);
    let done = false;
    const tick = () => {
      if (done) return;
      const idle = Date.now() - apiClient.getLastActivityAt();
      if (idle >= timeoutMs) {
        done = true;
        setRemainingMs(null);
        onExpired();
      } else if (idle >= timeoutMs - warnBeforeMs) {
        setRemainingMs(timeoutMs - idle);
      } else {
        setRemainingMs(null);
      }
    };
    const t = window.setInterval(tick, 5_000);
    return () => {
      done = true;
      window.clearInterval(t);
    };
  }, [idleTimeoutMinutes, onExpired]);

  const stay = async () => {
    setBusy(true);
    try {
      await fetchSession();
      setRemainingMs(null);
    } catch {
      onExpired();
    } finally {
      setBusy(false);
    }
  };

  const seconds = remainingMs === null ? 0 : Math.max(0, Math.ceil(remainingMs / 1000));
  return (
    <Modal
      open={remainingMs !== null}
      title="即将自动退出"
      okText="继续使用"
      onOk={() => void stay()}
      confirmLoading={busy}
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      mask={{ closable: false }}
    >
      您已较长时间未操作，为保护数据安全，系统将在约 {Math.floor(seconds / 60) > 0 ? `${Math.floor(seconds / 60)} 分 ` : ''}
      {seconds % 60} 秒后退出登录。
    </Modal>
  );
}
