import { AimOutlined, CameraOutlined, ClockCircleOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Result, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { QueryError } from '../../components/QueryError';
import type { CreateVisitBody } from '../../features/clues/api';
import { ClueLevelTag } from '../../features/clues/components/ClueLevelTag';
import { useClue, useRecordVisit } from '../../features/clues/hooks';
import { VISIT_CHECKLIST_LABELS, VISIT_PHOTO_MAX_BYTES, VISIT_PHOTO_MAX_COUNT } from '../../features/clues/labels';
import { shrinkPhoto } from '../../features/clues/shrink-photo';
import { formatDateTime } from '../../lib/dates';
import { applyFieldErrors, errorMessage } from '../../lib/errors';

type Gps =
  | { state: 'idle' | 'locating' }
  | { state: 'ok'; latitude: number; longitude: number; accuracy: number; at: number }
  | { state: 'error'; message: string };

const GEO_ERRORS: Record<number, string> = {
  1: '未授权定位：请在浏览器设置中允许本网站使用位置信息',
  2: '无法获取位置：请到室外或开启手机定位后重试',
  3: '定位超时，请重试',
};

interface FormValues {
  findings: string;
  checklist: Record<string, { answer?: 'YES' | 'NO' | null; note?: string }>;
}

interface Photo {
  file: File;
  url: string;
}

/** 入户核查 on a phone (390×844 first): GPS with accuracy and retry, time, checklist, findings, photos. */
export default function VisitPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const clue = useClue(id);
  const record = useRecordVisit(id);
  const [form] = Form.useForm<FormValues>();
  const [gps, setGps] = useState<Gps>({ state: 'idle' });
  const [visitedAt, setVisitedAt] = useState(() => new Date());
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setGps({ state: 'error', message: '此设备不支持定位' });
      return;
    }
    setGps({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) => setGps({ state: 'ok', latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy, at: p.timestamp }),
      (e) => setGps({ state: 'error', message: GEO_ERRORS[e.code] ?? e.message }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  }, []);

  useEffect(() => locate(), [locate]);
  // Previews are released when the page goes away (not on every change: they are still shown).
  const photosRef = useRef<Photo[]>([]);
  photosRef.current = photos;
  useEffect(() => () => photosRef.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  const addPhotos = async (files: FileList | null) => {
    setPhotoError(null);
    if (!files) return;
    const list = [...files];
    if (photos.length + list.length > VISIT_PHOTO_MAX_COUNT) setPhotoError(`每次核查最多上传${VISIT_PHOTO_MAX_COUNT}张照片`);
    const room = list.slice(0, Math.max(0, VISIT_PHOTO_MAX_COUNT - photos.length));
    const next: Photo[] = [];
    for (const f of room) {
      if (!/^image\/(jpeg|png|webp)$/.test(f.type) && !/\.(jpe?g|png|webp)$/i.test(f.name)) {
        setPhotoError('只能上传JPEG、PNG或WebP格式的照片');
        continue;
      }
      const small = await shrinkPhoto(f, VISIT_PHOTO_MAX_BYTES);
      if (small.size > VISIT_PHOTO_MAX_BYTES) {
        setPhotoError('照片不能超过5MB');
        continue;
      }
      next.push({ file: small, url: URL.createObjectURL(small) });
    }
    setPhotos((p) => [...p, ...next]);
    if (fileInput.current) fileInput.current.value = '';
  };

  const removePhoto = (i: number) => {
    setPhotos((p) => {
      URL.revokeObjectURL(p[i]!.url);
      return p.filter((_, j) => j !== i);
    });
  };

  const submit = async () => {
    const v = await form.validateFields();
    const checklist: CreateVisitBody['checklist'] = {};
    for (const [k, a] of Object.entries(v.checklist ?? {})) {
      if (a && (a.answer || a.note)) (checklist as Record<string, unknown>)[k] = { answer: a.answer ?? null, ...(a.note ? { note: a.note } : {}) };
    }
    const body: CreateVisitBody = {
      checklist,
      findings: v.findings,
      visitedAt: visitedAt.toISOString(),
      ...(gps.state === 'ok' ? { latitude: gps.latitude, longitude: gps.longitude, accuracy: gps.accuracy } : {}),
    };
    record.mutate(
      { body, photos: photos.map((p) => p.file) },
      {
        onSuccess: ({ failed }) => {
          if (failed.length) void message.warning(`核查已保存，${failed.length}张照片上传失败，可稍后在核查记录中补传`);
          else void message.success('核查已保存');
          void navigate(`/monitoring/clues/${id}`);
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e).mapped) void message.error(errorMessage(e));
        },
      },
    );
  };

  if (clue.isPending) return <Skeleton active />;
  if (clue.isError) return <QueryError error={clue.error} onRetry={() => void clue.refetch()} />;
  const c = clue.data.clue;
  if (c.status === 'CLOSED') {
    return <Result status="info" title="该线索已办结" extra={<Button onClick={() => void navigate(`/monitoring/clues/${id}`)}>查看线索</Button>} />;
  }

  return (
    <div style={{ maxWidth: 560, margin: '0 auto', paddingBottom: 80 }} data-testid="visit-page">
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Button type="link" style={{ padding: 0 }} onClick={() => void navigate(`/monitoring/clues/${id}`)}>
          ‹ 返回
        </Button>
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          入户核查
        </Typography.Title>
      </Flex>
      <Card size="small" style={{ marginBottom: 8 }}>
        <Space wrap>
          <ClueLevelTag level={c.level} />
          <Typography.Text strong>{c.subjectName ?? '—'}</Typography.Text>
          <Typography.Text type="secondary">{c.villageName ?? c.regionCode}</Typography.Text>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} ellipsis={{ rows: 2 }}>
          {c.title}
        </Typography.Paragraph>
      </Card>

      <Card size="small" title={<><AimOutlined /> 定位</>} style={{ marginBottom: 8 }} data-testid="visit-gps">
        {gps.state === 'locating' && <Typography.Text data-testid="visit-gps-status" data-state="locating">正在获取位置…</Typography.Text>}
        {gps.state === 'ok' && (
          <Flex vertical data-testid="visit-gps-status" data-state="ok">
            <Typography.Text>
              {gps.latitude.toFixed(6)}, {gps.longitude.toFixed(6)}
            </Typography.Text>
            <Typography.Text type={gps.accuracy > 100 ? 'warning' : 'secondary'} data-testid="visit-gps-accuracy">
              精度约{Math.round(gps.accuracy)}米{gps.accuracy > 100 ? '（偏低，可到室外重试）' : ''}
            </Typography.Text>
          </Flex>
        )}
        {gps.state === 'error' && <Alert type="warning" showIcon message={gps.message} data-testid="visit-gps-status" data-state="error" />}
        {gps.state !== 'locating' && (
          <Button block style={{ marginTop: 8 }} onClick={locate} data-testid="visit-gps-retry">
            {gps.state === 'ok' ? '重新定位' : '重试定位'}
          </Button>
        )}
      </Card>

      <Card size="small" title={<><ClockCircleOutlined /> 核查时间</>} style={{ marginBottom: 8 }}>
        <Flex justify="space-between" align="center">
          <Typography.Text data-testid="visit-time">{formatDateTime(visitedAt.toISOString())}</Typography.Text>
          <Button size="small" onClick={() => setVisitedAt(new Date())} data-testid="visit-time-now">
            使用当前时间
          </Button>
        </Flex>
      </Card>

      <Form form={form} layout="vertical" data-testid="visit-form">
        <Card size="small" title="核查清单" style={{ marginBottom: 8 }}>
          {Object.entries(VISIT_CHECKLIST_LABELS).map(([k, labelText]) => (
            <div key={k} style={{ marginBottom: 12 }} data-testid={`visit-check-${k}`}>
              <Flex justify="space-between" align="center" wrap gap={4}>
                <Typography.Text>{labelText}</Typography.Text>
                <Form.Item name={['checklist', k, 'answer']} noStyle>
                  <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'YES', label: '是' }, { value: 'NO', label: '否' }]} />
                </Form.Item>
              </Flex>
              <Form.Item name={['checklist', k, 'note']} noStyle>
                <Input placeholder="说明" maxLength={500} style={{ marginTop: 4 }} />
              </Form.Item>
            </div>
          ))}
        </Card>
        <Card size="small" title="核查情况" style={{ marginBottom: 8 }}>
          <Form.Item name="findings" rules={[{ required: true, whitespace: true, message: '请填写核查情况' }]} style={{ marginBottom: 0 }}>
            <Input.TextArea rows={4} maxLength={4000} placeholder="家庭实际情况、核查结论" data-testid="visit-findings" />
          </Form.Item>
        </Card>
      </Form>

      <Card size="small" title={<><CameraOutlined /> 现场照片（{photos.length}/{VISIT_PHOTO_MAX_COUNT}）</>} style={{ marginBottom: 8 }}>
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          style={{ display: 'none' }}
          onChange={(e) => void addPhotos(e.target.files)}
          data-testid="visit-photo-input"
        />
        <Flex wrap gap={8}>
          {photos.map((p, i) => (
            <div key={p.url} style={{ position: 'relative', width: 96, height: 96 }} data-testid="visit-photo-preview">
              <img src={p.url} alt={`照片${i + 1}`} style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 4 }} />
              <Button size="small" danger icon={<DeleteOutlined />} aria-label="删除照片" style={{ position: 'absolute', top: 2, right: 2 }} onClick={() => removePhoto(i)} />
            </div>
          ))}
        </Flex>
        {photos.length < VISIT_PHOTO_MAX_COUNT && (
          <Button block icon={<CameraOutlined />} style={{ marginTop: 8 }} onClick={() => fileInput.current?.click()} data-testid="visit-photo-add">
            拍照 / 选择照片
          </Button>
        )}
        {photoError && <Alert type="error" showIcon message={photoError} style={{ marginTop: 8 }} />}
      </Card>

      <div style={{ position: 'sticky', bottom: 0, padding: '8px 0', background: 'var(--ant-color-bg-layout, #f5f5f5)' }}>
        <Button type="primary" size="large" block loading={record.isPending} onClick={() => void submit()} data-testid="visit-submit">
          保存核查记录
        </Button>
      </div>
    </div>
  );
}
