/**
 * The import template: the data sheet with the Chinese headers (required ones marked *),
 * one example row (a valid generated identity number and a real village of the caller's
 * scope), and a 填写说明 sheet with each column's rules and allowed values. CSV: the same
 * header and example row, UTF-8 with BOM so that Excel opens it correctly.
 */
import { randomInt } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { findFirstVillage } from '../../db/repos/imports.repo.js';
import { generateIdNumber } from '../../domain/registry/id-number.js';
import { IMPORT_COLUMNS, shanghaiDate, type ImportColumnKey } from '../../domain/registry/import.rules.js';
import type { Actor, ServiceContext } from '../context.js';
import { XLSX_CONTENT_TYPE } from './import-report.js';

export interface TemplateFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Columns Excel must keep as text (long digit strings). */
const TEXT_COLUMNS: ReadonlySet<ImportColumnKey> = new Set(['householdNo', 'regionCode', 'idNumber', 'phone', 'bankAccount']);

const NOTES = [
  '每行填写一名家庭成员；同一家庭的成员填写相同的户编号，且有且只有一名成员的“与户主关系”为户主。',
  '带 * 的列必须填写；列的顺序可以调整，多余的列会被忽略；表头上方可以有标题行。',
  '身份证号、银行账号等长数字请设为“文本”格式后再录入或粘贴，否则Excel会把它们变成科学计数法并丢失末几位。',
  '导入前请删除示例行。',
  '整个文件校验通过后才会导入；任何一行有错误，整个文件都不会导入，请下载错误报告按行修改后重新上传。',
  '同一文件重复导入不会重复写入。再次导入时按户编号更新家庭信息、按身份证号更新成员信息；空白单元格不会清除已有数据。',
  '导入不会删除任何数据：文件中没有出现的成员不会被移出家庭，没有填写的保障类别也不会被取消。成员迁出、户主变更等请在家庭页面办理。',
];

export async function buildImportTemplate(ctx: ServiceContext, actor: Actor, format: 'xlsx' | 'csv'): Promise<TemplateFile> {
  const example = await exampleRow(ctx, actor);
  if (format === 'csv') {
    const line = (cells: string[]) => cells.map(csvCell).join(',');
    const text =
      '\uFEFF' +
      line(IMPORT_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header))) + '\r\n' +
      line(IMPORT_COLUMNS.map((c) => example[c.key] ?? '')) + '\r\n';
    return { fileName: '低收入家庭导入模板.csv', contentType: 'text/csv; charset=utf-8', content: Buffer.from(text, 'utf8') };
  }

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const data = workbook.addWorksheet('导入数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: Math.max(10, Math.min(24, c.header.length * 2 + 4)),
    ...(TEXT_COLUMNS.has(c.key) ? { style: { numFmt: '@' } } : {}),
  }));
  data.getRow(1).font = { bold: true };
  data.addRow(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, example[c.key] ?? null]))).commit();
  data.commit();

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 20 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '层级', key: 'level', width: 8 },
    { header: '填写要求', key: 'rule', width: 70 },
    { header: '可填写的值', key: 'allowed', width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    help
      .addRow({
        header: c.header,
        required: c.required ? '必填' : '选填',
        level: c.level === 'household' ? '户' : '成员',
        rule: c.rule,
        allowed: 'allowed' in c ? c.allowed.join('、') : '',
      })
      .commit();
  }
  help.addRow({}).commit();
  for (const note of NOTES) help.addRow({ header: '说明', rule: note }).commit();
  help.commit();
  await workbook.commit();
  await done;
  return { fileName: '低收入家庭导入模板.xlsx', contentType: XLSX_CONTENT_TYPE, content: Buffer.concat(chunks) };
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function exampleRow(ctx: ServiceContext, actor: Actor): Promise<Partial<Record<ImportColumnKey, string>>> {
  const village = await findFirstVillage(ctx.database.db, actor.scope);
  const today = shanghaiDate(ctx.clock.now());
  const countyCode = village?.code.slice(0, 6) ?? '630102';
  const sequence = randomInt(0, 1000);
  const idNumber = generateIdNumber(countyCode, '1980-01-01', sequence);
  const rural = village ? /村/.test(village.name) && !/社区/.test(village.name) : false;
  return {
    householdNo: `示例-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
    regionCode: village?.code ?? '',
    address: village ? `${village.name.replace(/(居民|村民)委员会$/, '')}1号` : '',
    urbanRural: rural ? '农村' : '城市',
    name: '张三',
    idNumber,
    relationship: '户主',
    sex: sequence % 2 === 1 ? '男' : '女',
    birthDate: '1980-01-01',
    ethnicity: '汉族',
    phone: '13912345678',
    labourCapacity: '有劳动能力',
    healthStatus: '健康',
    employment: rural ? '务农' : '灵活就业',
    studentStage: '非在校生',
    bankName: '青海农商银行',
    bankAccount: '6230000000000000018',
    categories: '低保',
    categoryFrom: `${today.slice(0, 4)}-01-01`,
    incomeWage: '12000',
    incomeOperating: '0',
    incomeProperty: '0',
    incomeTransfer: '3600',
  };
}
