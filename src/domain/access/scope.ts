/**
 * A user's region scope: the subtree under one region code (R10/R11 codes are prefixes
 * of their children's). Every scoped query in src/db takes one of these as a required
 * argument, so a route cannot forget it.
 */
export interface RegionScope {
  readonly regionCode: string;
}

export function scopeOf(user: { regionCode: string }): RegionScope {
  return Object.freeze({ regionCode: user.regionCode });
}

export function isInScope(scope: RegionScope, code: string | null | undefined): boolean {
  return !!code && code.startsWith(scope.regionCode);
}
