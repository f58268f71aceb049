import { findParameterDefinition } from '../../domain/policy/parameter-catalog.js';
import { parameterValueText } from '../../domain/policy/parameter-proposal.rules.js';
import type { PolicyParameterRow } from '../../db/repos/policy.repo.js';
import { findRegionsByCodes } from '../../db/repos/regions.repo.js';
import type { Executor } from '../../db/database.js';

const iso = (t: Date | string | null | undefined) => (t === null || t === undefined ? null : new Date(t).toISOString());

/** A parameter version as the routes return it (contracts/policy.schemas.ts `parameterVersion`). */
export function toVersionView(
  row: PolicyParameterRow & { createdByName?: string | null; reviewedByName?: string | null },
  regionNames: ReadonlyMap<string, string>,
) {
  const def = findParameterDefinition(row.code);
  return {
    id: row.id,
    code: row.code,
    name: def?.name ?? row.name,
    regionCode: row.regionCode,
    regionName: regionNames.get(row.regionCode) ?? null,
    urbanRural: row.urbanRural,
    effectiveFrom: row.effectiveFrom,
    value: row.value,
    valueText: parameterValueText(def, row.value),
    confidence: row.confidence,
    basis: row.basis,
    note: row.note,
    reason: row.reason,
    status: row.status,
    isDefault: row.isDefault,
    createdBy: row.createdBy,
    createdByName: row.createdByName ?? null,
    createdAt: iso(row.createdAt)!,
    reviewedBy: row.reviewedBy,
    reviewedByName: row.reviewedByName ?? null,
    reviewedAt: iso(row.reviewedAt),
    reviewNote: row.reviewNote,
  };
}
export type VersionView = ReturnType<typeof toVersionView>;

/** Names of the regions that key these versions (codes already authorised by the caller). */
export async function regionNamesOf(db: Executor, codes: Iterable<string>): Promise<Map<string, string>> {
  const rows = await findRegionsByCodes(db, [...new Set(codes)]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** countyCode of an audit event for a version keyed by a county (6 digits); null above. */
export const auditCountyOf = (regionCode: string) => (regionCode.length >= 6 ? regionCode.slice(0, 6) : null);
