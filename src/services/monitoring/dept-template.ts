/**
 * The template of a department source: one sheet with the mapped column names (required
 * ones marked *), text format for identity numbers, and a 填写说明 sheet.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnOf } from '../../domain/monitoring/sources.js';
import type { ServiceContext } from '../context.js';
import { XLSX_CONTENT_TYPE } from '../registry/import-report.js';
import { currentDeptMapping, requireDeptSource } from './dept-sources.js';

const TYPE_RULES: Record<string, string> = {
  ID_NUMBER: '18位公民身份号码，请设为“文本”格式',
  TEXT: '文字',
  DATE: '日期，如2026-01-01或2026年1月1日',
  MONEY: '金额（元），最多两位小数',
  INTEGER: '整数',
  ENUM: '从可填写的值中选择',
};

export async function buildDeptTemplate(ctx: ServiceContext, code: string) {
  const source = requireDeptSource(code);
  const { mapping, version } = await currentDeptMapping(ctx.database.db, source);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const data = workbook.addWorksheet(source.datasetName.replace(/[\\/?*[\]:]/g, '_'), { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = source.fields.map((fd) => {
    const column = columnOf(source, mapping, fd.key);
    return {
      header: fd.required ? `${column}*` : column,
      key: fd.key,
      width: Math.max(10, Math.min(28, column.length * 2 + 4)),
      ...(fd.type === 'ID_NUMBER' || fd.type === 'TEXT' ? { style: { numFmt: '@' } } : {}),
    };
  });
  data.getRow(1).font = { bold: true };
  data.commit();
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'column', width: 22 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'rule', width: 40 },
    { header: '可填写的值', key: 'allowed', width: 50 },
  ];
  help.getRow(1).font = { bold: true };
  for (const fd of source.fields) {
    help
      .addRow({
        column: columnOf(source, mapping, fd.key),
        required: fd.required ? '必填' : '选填',
        rule: TYPE_RULES[fd.type],
        allowed: fd.options ? Object.values(fd.options).join('、') : '',
      })
      .commit();
  }
  help.addRow({}).commit();
  help.addRow({ column: '说明', rule: `${source.departmentName} · ${source.datasetName}；字段对应版本 ${version}。同一文件重复上传不会重复写入。` }).commit();
  help.commit();
  await workbook.commit();
  await done;
  return { fileName: `${source.departmentName}-${source.datasetName}-模板.xlsx`.replace(/[\\/]/g, '_'), contentType: XLSX_CONTENT_TYPE, content: Buffer.concat(chunks) };
}
