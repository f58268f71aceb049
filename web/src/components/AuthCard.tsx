import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Centered card for 登录 and 修改密码, full width on phones. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: '#f5f5f5' }}>
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <Typography.Title level={2} style={{ marginBottom: 4, fontSize: 24 }}>
            救助
          </Typography.Title>
          <Typography.Text type="secondary">低收入人口动态监测与社会救助信息平台</Typography.Text>
        </div>
        <Card title={<h1 style={{ fontSize: 18, margin: 0, fontWeight: 600 }}>{title}</h1>}>{children}</Card>
      </div>
    </div>
  );
}
