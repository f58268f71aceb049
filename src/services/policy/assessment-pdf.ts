/**
 * Printable one-page 家庭经济状况核算表 for a stored assessment (issue 3 §4): the header, the
 * members, the conclusion and the stored explanation steps, so that the sheet signed by the
 * officers shows exactly what the system decided and why.
 *
 * Pure apart from reading the bundled Noto Sans SC fonts (once per process): the same input
 * gives the same bytes (CreationDate comes from `printedAt`, pdfkit derives the file /ID from
 * the document info, and the font subset tags are derived from the font ids).
 *
 * Fitting: the explanation is measured with `heightOfString` and set at the largest size from
 * 9pt down to 6pt that fits page 1, in one column or, below 7.5pt, in two (see CANDIDATES);
 * failing that it continues on further pages (two columns, 6pt) marked '（续）'.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { memberBenefitLines, yuan } from '../../domain/policy/assessment-summary.js';
import type { AssessmentResult, Classification, ExplanationStep } from '../../domain/policy/assessment.types.js';

export interface AssessmentSheetInput {
  household: {
    householdNo: string;
    regionName: string;
    address: string;
    urbanRural: 'URBAN' | 'RURAL';
    headName: string;
    members: {
      name: string;
      idNumberMasked: string;
      /** Chinese label (户主, 配偶, 子女 …) */
      relationship: string;
      age: number;
      counted: boolean;
      note: string | null;
    }[];
  };
  assessment: {
    id: string;
    referenceDate: string;
    createdAt: string;
    createdByName: string | null;
    /** MANUAL / BATCH */
    trigger: string;
    result: AssessmentResult;
    explanation: ExplanationStep[];
    parametersUsed: Record<string, string>;
  };
  /** ISO timestamp, passed in (the renderer reads no clock) */
  printedAt: string;
  printedBy: string;
}

/** How the explanation was set; returned by `renderAssessmentSheet` for callers and tests. */
export interface AssessmentSheetLayout {
  fontSize: number;
  columns: 1 | 2;
  pageCount: number;
  stepCount: number;
  stepsOnFirstPage: number;
  /** single-line texts (header, conclusion, footer) cut with '…' to fit, as they were before */
  cut: string[];
  /** the conclusion's lines under its figures (个人待遇, 提示), as drawn */
  conclusionLines: string[];
}

/**
 * The sheet's wording (shorter than the domain's CLASSIFICATION_LABELS in
 * assessment-summary.ts, e.g. 单人保 vs 单人保（低保）, 不符合 vs 不符合救助条件).
 */
const SHEET_CLASSIFICATION_LABELS: Readonly<Record<Classification, string>> = {
  DIBAO: '低保',
  DIBAO_SINGLE_PERSON: '单人保',
  DIBAO_EDGE: '低保边缘家庭',
  QH_RURAL_LOW_INCOME: '农牧区低收入家庭',
  RIGID_EXPENDITURE: '刚性支出困难家庭',
  TEKUN_ONLY: '特困（个人）',
  NONE: '不符合',
  UNDETERMINED: '待人工核定',
};

const PROPERTY_LABELS = { PASS: '符合', FAIL: '不符合', NOT_CONFIGURED: '未配置（不能自动审批）' } as const;
const TRIGGER_LABELS: Readonly<Record<string, string>> = { MANUAL: '人工发起', BATCH: '批量复核', DEPT_DATA: '部门数据复核' };
const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// ---------------------------------------------------------------------------------------
// Fonts: read once per process, registered per document (pdfkit embeds a subset).

const REGULAR = 'sc-regular';
const BOLD = 'sc-bold';
let fontsPromise: Promise<{ regular: Buffer; bold: Buffer }> | null = null;

function loadFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  if (!fontsPromise) {
    const require = createRequire(import.meta.url);
    const regularPath = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
    const boldPath = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
    fontsPromise = Promise.all([readFile(regularPath), readFile(boldPath)]).then(([regular, bold]) => ({ regular, bold }));
    // A failed read is not cached: the next call tries again.
    fontsPromise.catch(() => {
      fontsPromise = null;
    });
  }
  return fontsPromise;
}

// ---------------------------------------------------------------------------------------
// Page geometry (points; A4 portrait)

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 36;
const MARGIN_TOP = 30;
const MARGIN_BOTTOM = 24;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
const LEFT = MARGIN_X;
const RIGHT = PAGE_W - MARGIN_X;
const GUTTER = 14;
const FOOTER_H = 50;
const FOOTER_TOP = PAGE_H - MARGIN_BOTTOM - FOOTER_H;
const RULE_COLOR = '#888888';
const SHADE = '#eeeeee';
const MUTED = '#555555';

/**
 * Tried in order; the first that fits on page 1 wins. One column from 9pt down; below 7pt,
 * two columns of a size are tried right after one column of it, and two columns at 7pt before
 * one column at 6.5pt: taking all one-column sizes first would set 35 typical steps at 6pt in
 * one column but 40 steps at 7pt in two (the larger explanation printing larger).
 */
const CANDIDATES: readonly { size: number; columns: 1 | 2 }[] = [
  { size: 9, columns: 1 },
  { size: 8.5, columns: 1 },
  { size: 8, columns: 1 },
  { size: 7.5, columns: 1 },
  { size: 7, columns: 1 },
  { size: 7, columns: 2 },
  { size: 6.5, columns: 1 },
  { size: 6.5, columns: 2 },
  { size: 6, columns: 1 },
  { size: 6, columns: 2 },
];
const FLOOR_SIZE = 6;

type Doc = PDFKit.PDFDocument;

// ---------------------------------------------------------------------------------------
// Formatting

/** ISO timestamp → 'YYYY-MM-DD HH:mm' in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiMinute(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function shortId(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** Texts each document cut (see `AssessmentSheetLayout.cut`). */
const cutTexts = new WeakMap<Doc, string[]>();

/** Cuts `text` with '…' so that it fits `width` at the current font and size. */
function fitLine(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  cutTexts.get(doc)?.push(text);
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(chars.slice(0, mid).join('') + '…') <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + '…';
}

/**
 * Top of a single line whose CJK glyphs are centred in a row: Noto Sans SC puts the
 * baseline 1.16em below the top and the ideographs span 0.88em above to 0.12em below it.
 */
function centredTop(top: number, rowHeight: number, size: number): number {
  return top + rowHeight / 2 - 0.78 * size;
}

/** Single line, no wrapping, never adds a page. */
function line(doc: Doc, text: string, x: number, y: number, width: number, opts: { align?: 'left' | 'center' | 'right' } = {}): void {
  // `height` keeps pdfkit's line wrapper from ever adding a page.
  doc.text(fitLine(doc, text, width - 0.5), x, y, { width, height: 30, lineBreak: false, align: opts.align ?? 'left' });
}

// ---------------------------------------------------------------------------------------
// Explanation layout

interface Block {
  kind: 'heading' | 'step';
  /** section heading, or step body ('[R23] …') */
  text: string;
  /** step number printed in the hanging column */
  label: string;
  bold: boolean;
  height: number;
}

interface Placed {
  block: Block;
  page: number;
  column: number;
  /** offset from the top of the region */
  dy: number;
}

interface Flow {
  fontSize: number;
  columns: 1 | 2;
  columnWidth: number;
  labelWidth: number;
  placed: Placed[];
  pageCount: number;
}

function lineGapFor(size: number): number {
  // Noto Sans SC's line height is 1.448em; tighten it to ≈1.3em.
  return -0.15 * size;
}

function groupSteps(steps: ExplanationStep[]): { section: string; steps: ExplanationStep[] }[] {
  const groups: { section: string; steps: ExplanationStep[] }[] = [];
  const bySection = new Map<string, ExplanationStep[]>();
  for (const step of [...steps].sort((a, b) => a.n - b.n)) {
    const key = step.section.trim() || '其他';
    let list = bySection.get(key);
    if (!list) {
      list = [];
      bySection.set(key, list);
      groups.push({ section: key, steps: list });
    }
    list.push(step);
  }
  return groups;
}

function buildBlocks(steps: ExplanationStep[]): Omit<Block, 'height'>[] {
  const blocks: Omit<Block, 'height'>[] = [];
  groupSteps(steps).forEach((group, i) => {
    const numeral = i < CN_NUMERALS.length ? CN_NUMERALS[i] : String(i + 1);
    blocks.push({ kind: 'heading', text: `${numeral}、${group.section}`, label: '', bold: true });
    for (const step of group.steps) {
      const tag = step.rule ? `[${step.rule}] ` : '';
      blocks.push({ kind: 'step', text: `${tag}${step.text}`, label: `${step.n}.`, bold: step.kind === 'RESULT' });
    }
  });
  return blocks;
}

/**
 * Flows the blocks into columns of `firstHeight` (page 1) and `nextHeight` (later pages).
 * A step is never split; a heading is kept with its first step.
 */
function flowBlocks(
  doc: Doc,
  raw: Omit<Block, 'height'>[],
  fontSize: number,
  columns: 1 | 2,
  firstHeight: number,
  nextHeight: number,
): Flow {
  const columnWidth = (CONTENT_W - (columns - 1) * GUTTER) / columns;
  const maxLabel = raw.reduce((w, b) => (b.label.length > w.length ? b.label : w), '0.');
  doc.font(BOLD).fontSize(fontSize);
  const labelWidth = doc.widthOfString(maxLabel) + fontSize * 0.4;
  const lineGap = lineGapFor(fontSize);
  const blocks: Block[] = raw.map((b) => {
    doc.font(b.bold ? BOLD : REGULAR).fontSize(fontSize);
    const width = b.kind === 'step' ? columnWidth - labelWidth : columnWidth;
    return { ...b, height: doc.heightOfString(b.text, { width, lineGap }) };
  });

  const stepGap = fontSize * 0.3;
  const headingGap = fontSize * 0.7;
  const placed: Placed[] = [];
  // no room left on page 1 (a very long member list): start the explanation on page 2
  let page = firstHeight < fontSize * 4 ? 1 : 0;
  let column = 0;
  let y = 0;
  const capacity = () => (page === 0 ? firstHeight : nextHeight);
  const nextColumn = () => {
    column += 1;
    if (column >= columns) {
      column = 0;
      page += 1;
    }
    y = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const before = y === 0 ? 0 : block.kind === 'heading' ? headingGap : stepGap;
    // keep a heading together with the step after it
    const follower = block.kind === 'heading' ? blocks[i + 1] : undefined;
    const needed = before + block.height + (follower ? stepGap + follower.height : 0);
    if (y > 0 && y + needed > capacity()) nextColumn();
    const gap = y === 0 ? 0 : block.kind === 'heading' ? headingGap : stepGap;
    placed.push({ block, page, column, dy: y + gap });
    y += gap + block.height;
  }
  return { fontSize, columns, columnWidth, labelWidth, placed, pageCount: blocks.length === 0 ? 1 : page + 1 };
}

function chooseFlow(doc: Doc, steps: ExplanationStep[], firstHeight: number, nextHeight: number): Flow {
  const raw = buildBlocks(steps);
  for (const { size, columns } of CANDIDATES) {
    const flow = flowBlocks(doc, raw, size, columns, firstHeight, nextHeight);
    if (flow.pageCount === 1) return flow;
  }
  // Too long for one page: two columns at the floor size, continued on further pages.
  return flowBlocks(doc, raw, FLOOR_SIZE, 2, firstHeight, nextHeight);
}

// ---------------------------------------------------------------------------------------
// Drawing

function drawTitle(doc: Doc, title: string, y: number, size: number): number {
  doc.font(BOLD).fontSize(size).fillColor('black');
  line(doc, title, LEFT, y, CONTENT_W, { align: 'center' });
  return y + size * 1.45;
}

interface Cell {
  label: string;
  value: string;
}

/** Label/value grid: each row holds one or two cells; one cell spans the full width. */
function drawInfoGrid(doc: Doc, rows: Cell[][], y: number): number {
  const rowH = 15;
  const labelW = 62;
  const size = 8.5;
  const half = CONTENT_W / 2;
  doc.lineWidth(0.5).strokeColor(RULE_COLOR);
  rows.forEach((row, r) => {
    const top = y + r * rowH;
    row.forEach((cell, c) => {
      const x = LEFT + c * half;
      const w = row.length === 1 ? CONTENT_W : half;
      doc.rect(x, top, labelW, rowH).fill(SHADE);
      doc.rect(x, top, w, rowH).stroke();
      doc.moveTo(x + labelW, top).lineTo(x + labelW, top + rowH).stroke();
      doc.fillColor('black').font(BOLD).fontSize(size);
      line(doc, cell.label, x + 4, centredTop(top, rowH, size), labelW - 8);
      doc.font(REGULAR).fontSize(size);
      line(doc, cell.value || '—', x + labelW + 4, centredTop(top, rowH, size), w - labelW - 8);
    });
  });
  return y + rows.length * rowH;
}

function drawSectionLabel(doc: Doc, text: string, y: number): number {
  doc.font(BOLD).fontSize(9.5).fillColor('black');
  line(doc, text, LEFT, y, CONTENT_W);
  return y + 14;
}

function drawMembers(doc: Doc, members: AssessmentSheetInput['household']['members'], y: number): number {
  const cols = [
    { title: '姓名', w: 68 },
    { title: '身份证号', w: 118 },
    { title: '与户主关系', w: 58 },
    { title: '年龄', w: 32 },
    { title: '计入家庭人口', w: 62 },
  ];
  const used = cols.reduce((s, c) => s + c.w, 0);
  const all = [...cols, { title: '备注', w: CONTENT_W - used }];
  const headH = 13;
  const rowH = 12.5;
  const size = 8;
  doc.lineWidth(0.5).strokeColor(RULE_COLOR);
  doc.rect(LEFT, y, CONTENT_W, headH).fill(SHADE);
  const cellsOf = (m: AssessmentSheetInput['household']['members'][number]) => [
    m.name,
    m.idNumberMasked,
    m.relationship,
    `${m.age}岁`,
    m.counted ? '是' : '否',
    m.note ?? '',
  ];
  const rows = [all.map((c) => c.title), ...members.map(cellsOf)];
  let top = y;
  rows.forEach((cells, r) => {
    const h = r === 0 ? headH : rowH;
    let x = LEFT;
    doc.font(r === 0 ? BOLD : REGULAR).fontSize(size).fillColor('black');
    all.forEach((col, c) => {
      const centred = c === 3 || c === 4;
      line(doc, cells[c] ?? '', x + 3, centredTop(top, h, size), col.w - 6, { align: centred ? 'center' : 'left' });
      x += col.w;
    });
    top += h;
  });
  // grid
  doc.rect(LEFT, y, CONTENT_W, top - y).stroke();
  let x = LEFT;
  for (const col of all.slice(0, -1)) {
    x += col.w;
    doc.moveTo(x, y).lineTo(x, top).stroke();
  }
  for (let r = 0, yy = y + headH; r < members.length - 1; r++) {
    yy += rowH;
    doc.moveTo(LEFT, yy).lineTo(RIGHT, yy).stroke();
  }
  doc.moveTo(LEFT, y + headH).lineTo(RIGHT, y + headH).stroke();
  return top;
}

function drawConclusion(doc: Doc, result: AssessmentResult, y: number): { bottom: number; lines: string[] } {
  const pad = 6;
  const size = 8.5;
  const rowH = 13;
  const cells: Cell[] = [
    { label: '家庭人口', value: `${result.householdSize}人` },
    { label: '月人均收入', value: yuan(result.perCapitaMonthlyFen) },
    { label: '低保标准', value: `${yuan(result.standardMonthlyFen)}/人·月` },
    { label: '月保障金', value: result.dibao.monthlyAmountFen == null ? '—' : yuan(result.dibao.monthlyAmountFen) },
    { label: '财产状况', value: PROPERTY_LABELS[result.property.result] },
    // as the household page writes it; '2025年12月至2026年11月（12个月）' did not fit the cell
    { label: '收入计算期', value: `${result.window.from} 至 ${result.window.to}（${result.window.months}个月）` },
  ];
  const notes = [
    result.fangfanpin ? '防返贫监测对象' : null,
    ...result.referrals,
  ].filter((s): s is string => !!s);
  const personal = memberBenefitLines(result.members);
  const height = pad + 16 + 2 * rowH + (personal.length ? rowH : 0) + (notes.length ? rowH : 0) + pad - 2;
  doc.lineWidth(1).strokeColor('#333333').rect(LEFT, y, CONTENT_W, height).stroke();

  let top = y + pad;
  doc.font(BOLD).fontSize(9.5).fillColor('black');
  doc.text('核算结论：', LEFT + pad, top + 1, { lineBreak: false });
  const labelW = doc.widthOfString('核算结论：');
  doc.font(BOLD).fontSize(12);
  line(doc, SHEET_CLASSIFICATION_LABELS[result.classification] ?? result.classification, LEFT + pad + labelW, top - 1, CONTENT_W / 2);
  top += 16;

  // Three columns as wide as their longest cell, the room left shared out; equal widths
  // (and values cut) only when the cells cannot all fit.
  const inner = CONTENT_W - 2 * pad;
  const needed = [0, 0, 0];
  cells.forEach((cell, i) => {
    doc.font(REGULAR).fontSize(size);
    const lw = doc.widthOfString(`${cell.label}：`);
    doc.font(BOLD).fontSize(size);
    needed[i % 3] = Math.max(needed[i % 3]!, lw + doc.widthOfString(cell.value) + 4);
  });
  const slack = inner - needed.reduce((a, b) => a + b, 0);
  const colW = slack >= 0 ? needed.map((w) => w + slack / 3) : [inner / 3, inner / 3, inner / 3];
  cells.forEach((cell, i) => {
    const col = i % 3;
    const x = LEFT + pad + colW.slice(0, col).reduce((a, b) => a + b, 0);
    const yy = top + Math.floor(i / 3) * rowH;
    doc.font(REGULAR).fontSize(size).fillColor(MUTED);
    const label = `${cell.label}：`;
    doc.text(label, x, yy, { lineBreak: false });
    const lw = doc.widthOfString(label);
    doc.font(BOLD).fontSize(size).fillColor('black');
    line(doc, cell.value, x + lw, yy, colW[col]! - lw - 4);
  });
  top += 2 * rowH;
  const lines: string[] = [];
  if (personal.length) {
    doc.font(REGULAR).fontSize(size).fillColor(MUTED);
    doc.text('个人待遇：', LEFT + pad, top, { lineBreak: false });
    const lw = doc.widthOfString('个人待遇：');
    doc.font(BOLD).fontSize(size).fillColor('black');
    const text = personal.join('；');
    line(doc, text, LEFT + pad + lw, top, CONTENT_W - 2 * pad - lw);
    lines.push(`个人待遇：${text}`);
    top += rowH;
  }
  if (notes.length) {
    doc.font(REGULAR).fontSize(size).fillColor('black');
    const text = `提示：${notes.join('；')}`;
    line(doc, text, LEFT + pad, top, CONTENT_W - 2 * pad);
    lines.push(text);
  }
  doc.fillColor('black');
  return { bottom: y + height, lines };
}

function drawFooter(doc: Doc, input: AssessmentSheetInput, page: number, pageCount: number): void {
  const size = 7.5;
  const lh = 11.5;
  let y = FOOTER_TOP + 4;
  doc.lineWidth(0.5).strokeColor(RULE_COLOR).moveTo(LEFT, FOOTER_TOP).lineTo(RIGHT, FOOTER_TOP).stroke();
  const codes = Object.keys(input.assessment.parametersUsed).sort();
  doc.font(REGULAR).fontSize(size).fillColor(MUTED);
  line(doc, `核算依据参数版本：共${codes.length}项${codes.length ? `（${codes.join('、')}）` : ''}`, LEFT, y, CONTENT_W);
  y += lh;
  doc.fillColor('black');
  line(doc, '本表由系统根据当时有效的政策参数自动生成，说明随决定一并存档；', LEFT, y, CONTENT_W);
  y += lh;
  doc.font(REGULAR).fontSize(8.5);
  const third = CONTENT_W / 3;
  ['经办人签字：＿＿＿＿＿＿＿', '审核人签字：＿＿＿＿＿＿＿', '日期：＿＿＿＿＿＿＿'].forEach((s, i) => {
    line(doc, s, LEFT + i * third, y, third);
  });
  y += lh + 1.5;
  doc.font(REGULAR).fontSize(size).fillColor(MUTED);
  line(doc, `打印时间：${shanghaiMinute(input.printedAt)}　打印人：${input.printedBy}`, LEFT, y, CONTENT_W * 0.75);
  const pageLabel = pageCount > 1 ? `第${page + 1}页／共${pageCount}页` : `第${page + 1}页`;
  line(doc, pageLabel, LEFT + CONTENT_W * 0.75, y, CONTENT_W * 0.25, { align: 'right' });
  doc.fillColor('black');
}

function drawSteps(doc: Doc, flow: Flow, page: number, top: number): void {
  const lineGap = lineGapFor(flow.fontSize);
  const bottom = FOOTER_TOP - 4;
  for (const p of flow.placed) {
    if (p.page !== page) continue;
    const x = LEFT + p.column * (flow.columnWidth + GUTTER);
    const y = top + p.dy;
    // `height` stops pdfkit from adding pages. A block that the flow placed within the
    // column gets slack (pdfkit tests the last line without the negative line gap); one
    // taller than a whole column is cut with '…' at the footer.
    const overlong = top + p.dy + p.block.height > bottom;
    const height = overlong ? Math.max(bottom - y, flow.fontSize * 1.5) : bottom - y + 2 * flow.fontSize;
    doc.fillColor('black');
    if (p.block.kind === 'heading') {
      doc.font(BOLD).fontSize(flow.fontSize);
      doc.text(p.block.text, x, y, { width: flow.columnWidth, lineGap, height, ellipsis: true });
    } else {
      doc.font(BOLD).fontSize(flow.fontSize);
      doc.text(p.block.label, x, y, { width: flow.labelWidth, height: flow.fontSize * 3, lineBreak: false });
      doc.font(p.block.bold ? BOLD : REGULAR).fontSize(flow.fontSize);
      doc.text(p.block.text, x + flow.labelWidth, y, { width: flow.columnWidth - flow.labelWidth, lineGap, height, ellipsis: true });
    }
  }
  if (flow.columns === 2) {
    const midX = LEFT + flow.columnWidth + GUTTER / 2;
    doc.lineWidth(0.3).strokeColor('#bbbbbb').moveTo(midX, top).lineTo(midX, bottom).stroke();
  }
}

// ---------------------------------------------------------------------------------------

/** Renders the sheet and tells how the explanation was fitted. */
export async function renderAssessmentSheet(input: AssessmentSheetInput): Promise<{ pdf: Buffer; layout: AssessmentSheetLayout }> {
  const fonts = await loadFonts();
  const { household, assessment } = input;
  const printedAt = new Date(input.printedAt);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { top: MARGIN_TOP, bottom: 0, left: MARGIN_X, right: MARGIN_X },
    autoFirstPage: false,
    pdfVersion: '1.7',
    info: {
      Title: `家庭经济状况核算表 ${household.householdNo}`,
      Author: input.printedBy,
      Subject: `核算编号 ${assessment.id}；核算基准日 ${assessment.referenceDate}`,
      Creator: 'JiuZhu 救助',
      Producer: 'JiuZhu 救助 (PDFKit)',
      CreationDate: Number.isNaN(printedAt.getTime()) ? new Date(0) : printedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const cut: string[] = [];
  cutTexts.set(doc, cut);
  doc.addPage();

  // Page 1: fixed blocks first, then whatever height is left goes to the explanation.
  let y = drawTitle(doc, '家庭经济状况核算表', MARGIN_TOP, 16);
  y += 4;
  const createdBy = assessment.createdByName ?? '系统';
  const trigger = TRIGGER_LABELS[assessment.trigger] ?? assessment.trigger;
  y = drawInfoGrid(
    doc,
    [
      [
        { label: '户编号', value: household.householdNo },
        { label: '城乡类别', value: household.urbanRural === 'URBAN' ? '城市' : '农村' },
      ],
      [{ label: '所在地区', value: household.regionName }],
      [{ label: '地址', value: household.address }],
      [
        { label: '户主', value: household.headName },
        { label: '核算基准日', value: assessment.referenceDate },
      ],
      [
        { label: '核算编号', value: shortId(assessment.id) },
        { label: '核算时间/人', value: `${shanghaiMinute(assessment.createdAt)}　${createdBy}（${trigger}）` },
      ],
    ],
    y,
  );
  y += 8;
  y = drawSectionLabel(doc, `家庭成员（${household.members.length}人，计入家庭人口${household.members.filter((m) => m.counted).length}人）`, y);
  y = drawMembers(doc, household.members, y);
  y += 8;
  const conclusion = drawConclusion(doc, assessment.result, y);
  y = conclusion.bottom;
  y += 8;
  const steps = assessment.explanation;
  y = drawSectionLabel(doc, `核算过程说明（共${steps.length}步）`, y);
  const stepsTop = y;
  const stepsBottom = FOOTER_TOP - 6;

  // Later pages: short title, identification line, then the explanation.
  const nextTitleY = MARGIN_TOP;
  const nextStepsTop = nextTitleY + 13 * 1.45 + 4 + 14 + 14;
  const flow = chooseFlow(doc, steps, Math.max(stepsBottom - stepsTop, 0), stepsBottom - nextStepsTop);

  drawSteps(doc, flow, 0, stepsTop);
  drawFooter(doc, input, 0, flow.pageCount);
  for (let page = 1; page < flow.pageCount; page++) {
    doc.addPage();
    let yy = drawTitle(doc, '家庭经济状况核算表（续）', nextTitleY, 13);
    yy += 4;
    doc.font(REGULAR).fontSize(8.5).fillColor('black');
    line(
      doc,
      `户编号：${household.householdNo}　户主：${household.headName}　核算编号：${shortId(assessment.id)}　核算基准日：${assessment.referenceDate}`,
      LEFT,
      yy,
      CONTENT_W,
    );
    yy += 14;
    drawSectionLabel(doc, '核算过程说明（续）', yy);
    drawSteps(doc, flow, page, nextStepsTop);
    drawFooter(doc, input, page, flow.pageCount);
  }
  doc.end();
  await ended;

  return {
    pdf: Buffer.concat(chunks),
    layout: {
      fontSize: flow.fontSize,
      columns: flow.columns,
      pageCount: flow.pageCount,
      stepCount: steps.length,
      stepsOnFirstPage: flow.placed.filter((p) => p.page === 0 && p.block.kind === 'step').length,
      cut,
      conclusionLines: conclusion.lines,
    },
  };
}

export async function renderAssessmentPdf(input: AssessmentSheetInput): Promise<Buffer> {
  return (await renderAssessmentSheet(input)).pdf;
}
