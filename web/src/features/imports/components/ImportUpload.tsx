import { InboxOutlined } from '@ant-design/icons';
import { Alert, Upload } from 'antd';
import { errorMessage } from '../../../lib/errors';
import type { ImportBatch } from '../api';
import { useUploadImport } from '../hooks/useUploadImport';

const ACCEPT = '.xlsx,.csv';

function isAccepted(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name);
}

/** 上传文件: one .xlsx or .csv, sent as multipart field `file` with the CSRF header. */
export function ImportUpload({ onUploaded }: { onUploaded: (b: ImportBatch) => void }) {
  const upload = useUploadImport();
  return (
    <>
      <Upload.Dragger
        name="file"
        accept={ACCEPT}
        multiple={false}
        maxCount={1}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          if (!isAccepted(file.name)) {
            upload.reset();
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          upload.mutate(file as File, {
            onSuccess: (batch) => {
              onSuccess?.(batch);
              onUploaded(batch);
            },
            onError: (e) => onError?.(e instanceof Error ? e : new Error(String(e))),
          });
        }}
        data-testid="import-dragger"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{upload.isPending ? '正在上传…' : '点击或拖拽文件到此处上传'}</p>
        <p className="ant-upload-hint">支持 .xlsx 和 .csv 文件，请使用下载的模板填写</p>
      </Upload.Dragger>
      {upload.isError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={`上传失败：${errorMessage(upload.error)}`} />}
    </>
  );
}
