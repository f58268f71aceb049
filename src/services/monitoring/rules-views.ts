/** Read model of the warning rules: definition, switches in the caller's scope, precision. */
import { CONFIRMED_OUTCOMES, isRuleEnabledFor, kindSpec, precisionOf } from '../../domain/monitoring/warning-rules.js';
import type { Executor } from '../../db/database.js';
import { countCluesByRule, listWarningRuleRegions, listWarningRules, type WarningRuleRow } from '../../db/repos/monitoring-rules.repo.js';

export interface RuleSwitchView {
  regionCode: string;
  enabled: boolean;
  updatedAt: string;
}

function view(r: WarningRuleRow, switches: { regionCode: string; enabled: boolean; updatedAt: Date }[], scopeCode: string, counts?: { open: number; closed: number; excluded: number; confirmed: number }) {
  const closed = counts?.closed ?? 0;
  const excluded = counts?.excluded ?? 0;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    kindLabel: kindSpec(r.kind)?.label ?? r.kind,
    params: r.params,
    level: r.level,
    targetCategory: r.targetCategory,
    deadlineWorkingDays: r.deadlineWorkingDays,
    description: r.description,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    /** on for the caller's region (most specific switch on its path) */
    enabledForScope: isRuleEnabledFor(switches, scopeCode),
    /** switches set inside the caller's scope (the province switch is shown to province users only) */
    switches: switches
      .filter((s) => s.regionCode.startsWith(scopeCode))
      .map((s): RuleSwitchView => ({ regionCode: s.regionCode, enabled: s.enabled, updatedAt: s.updatedAt.toISOString() })),
    stats: {
      open: counts?.open ?? 0,
      closed,
      excluded,
      confirmed: counts?.confirmed ?? 0,
      /** (closed − excluded) / closed, null when none closed */
      precision: precisionOf(closed, excluded),
    },
  };
}
export type RuleView = ReturnType<typeof view>;

export async function listRuleViews(db: Executor, scopeCode: string): Promise<RuleView[]> {
  const rules = await listWarningRules(db);
  const switches = await listWarningRuleRegions(db);
  const counts = new Map((await countCluesByRule(db, scopeCode, CONFIRMED_OUTCOMES)).map((c) => [c.ruleId, c]));
  return rules.map((r) => view(r, switches.filter((s) => s.ruleId === r.id), scopeCode, counts.get(r.id)));
}

export async function loadRuleView(db: Executor, id: string, scopeCode: string): Promise<RuleView | null> {
  return (await listRuleViews(db, scopeCode)).find((r) => r.id === id) ?? null;
}
