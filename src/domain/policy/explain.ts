/**
 * Building the explanation of an assessment (issue 3 §4): numbered steps grouped by
 * section, and the Chinese formatting every step uses (元 with two decimals, percentages,
 * 'YYYY年M月', provenance 申报/部门数据/调查核实, parameter version and 占位值).
 */
import type { ExplanationStep, Figure, Provenance } from './assessment.types.js';
import type { ParamRef } from './params.js';
import { formatYuan } from './money.js';

export { formatYuan } from './money.js';

/** A step before it is numbered and put in a section (what rule modules return). */
export type StepDraft = Omit<ExplanationStep, 'n' | 'section'>;

/** Collects steps in order and numbers them 1, 2, 3 … */
export class Explanation {
  readonly steps: ExplanationStep[] = [];

  add(section: string, draft: StepDraft): void {
    const step = draft as ExplanationStep;
    step.n = this.steps.length + 1;
    step.section = section;
    this.steps.push(step);
  }

  addAll(section: string, drafts: readonly StepDraft[]): void {
    for (const d of drafts) this.add(section, d);
  }
}

const SOURCE_LABELS: Readonly<Record<string, string>> = { DECLARED: '申报', DEPARTMENT: '部门数据', INVESTIGATED: '调查核实' };

/** 0.3 → '30%', 0.125 → '12.5%'. */
export function formatPercent(rate: number): string {
  const pct = Math.round(rate * 10000) / 100;
  return `${pct}%`;
}

/** '2021-01' or '2021-01-15' → '2021年1月'. */
export function formatMonth(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** 1.5 → '1.5倍'. */
export function formatMultiple(x: number): string {
  return `${x}倍`;
}

/** '申报，2022-01-10 张三录入' / '部门数据：医保局 2021-12 批次，2022-01-05'. */
export function formatProvenance(p: Provenance): string {
  const source = SOURCE_LABELS[p.source] ?? p.source;
  const when = p.recordedAt ? p.recordedAt.slice(0, 10) : '';
  const who = p.recordedBy ? ` ${p.recordedBy}录入` : '';
  const detail = p.detail ? `：${p.detail}` : '';
  return `${source}${detail}，${when}${who}`;
}

/** 'P05，2021-01-01起施行，占位值待确认' (OFFICIAL: '…，正式值'). */
export function formatParam(ref: ParamRef): string {
  return `${ref.code}，${ref.effectiveFrom}起施行，${ref.confidence === 'PLACEHOLDER' ? '占位值待确认' : '正式值'}`;
}

/** Money figure, optionally with provenance or a parameter reference. */
export function fenFigure(label: string, fen: number, source?: { provenance?: Provenance; parameter?: ParamRef }): Figure {
  const f: Figure = { label, fen };
  if (source?.provenance) f.provenance = source.provenance;
  if (source?.parameter) f.parameter = source.parameter;
  return f;
}

export function numberFigure(label: string, n: number, parameter?: ParamRef): Figure {
  return parameter ? { label, number: n, parameter } : { label, number: n };
}

export function textFigure(label: string, text: string, parameter?: ParamRef): Figure {
  return parameter ? { label, text, parameter } : { label, text };
}

/** Comparison operator in Chinese for the step text. */
export function opText(op: string, result: boolean): string {
  const yes: Record<string, string> = { '<': '低于', '<=': '不高于', '>': '高于', '>=': '不低于', '=': '等于' };
  const no: Record<string, string> = { '<': '不低于', '<=': '高于', '>': '不高于', '>=': '低于', '=': '不等于' };
  return (result ? yes : no)[op] ?? op;
}

