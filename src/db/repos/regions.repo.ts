import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { RegionScope } from '../../domain/access/scope.js';
import type { Executor } from '../database.js';
import { regions } from '../schema/index.js';

export const REGIONS_SEED_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'seed', 'regions-qinghai.csv');

export interface RegionSeedRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/** Parse the committed region CSV (code,name,level,parent_code; RFC 4180 quoting). */
export function readRegionSeed(file = REGIONS_SEED_FILE): RegionSeedRow[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.slice(1).map((line) => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') cells.push(cur), (cur = '');
      else cur += ch;
    }
    cells.push(cur);
    const [code, name, level, parentCode] = cells;
    return { code: code!, name: name!, level: Number(level), parentCode: parentCode || null };
  });
}

export async function countRegions(db: Executor): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(regions);
  return r?.n ?? 0;
}

/** Insert seed rows that are missing; never overwrites admin-set flags. */
export async function insertRegions(db: Executor, rows: RegionSeedRow[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const res = await db
      .insert(regions)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing()
      .returning({ code: regions.code });
    inserted += res.length;
  }
  return inserted;
}

/** Scoped: regions in the subtree of `scope`, plus the ancestors of its root (for the tree picker). */
export async function findRegionChildren(db: Executor, scope: RegionScope, parentCode: string | null) {
  const base = parentCode === null ? eq(regions.code, scope.regionCode) : eq(regions.parentCode, parentCode);
  return db
    .select()
    .from(regions)
    .where(and(base, like(regions.code, `${scope.regionCode}%`)))
    .orderBy(asc(regions.code));
}

export async function findRegionByCode(db: Executor, scope: RegionScope, code: string) {
  const [r] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.code, code), like(regions.code, `${scope.regionCode}%`)));
  return r ?? null;
}

/** Region rows by code regardless of scope: only for resolving names of codes already authorised. */
export async function findRegionsByCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return [];
  // inArray, not `= ANY(${codes})`: drizzle spreads an array into a ($1, $2) list.
  return db.select().from(regions).where(inArray(regions.code, codes));
}

/** Codes of the counties (level 3) whose code starts with `prefix` (a county's own code gives itself). */
export async function listCountyCodes(db: Executor, prefix: string): Promise<string[]> {
  const rows = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.level, 3), like(regions.code, `${prefix.slice(0, 6)}%`)))
    .orderBy(asc(regions.code));
  return rows.map((r) => r.code);
}

export async function searchRegions(db: Executor, scope: RegionScope, text: string, limit: number) {
  return db
    .select()
    .from(regions)
    .where(and(like(regions.code, `${scope.regionCode}%`), or(like(regions.name, `%${text}%`), like(regions.code, `${text}%`))))
    .orderBy(asc(regions.level), asc(regions.code))
    .limit(limit);
}

export async function updateRegionFlags(
  db: Executor,
  scope: RegionScope,
  code: string,
  patch: { urbanRural?: string | null; areaType?: string | null },
) {
  const [r] = await db
    .update(regions)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(regions.code, code), like(regions.code, `${scope.regionCode}%`)))
    .returning();
  return r ?? null;
}
