/**
 * Roles and what they may do (issue 2 §12). Pure data, imported by the server (to enforce)
 * and by the web app (to show or hide actions). 三员分立: the system, security and audit
 * administrators hold separate powers and no account holds two of them.
 */
export const ROLES = [
  'VILLAGE_ASSISTANT',
  'TOWNSHIP_CLERK',
  'TOWNSHIP_REVIEWER',
  'COUNTY_APPROVER',
  'CITY_VIEWER',
  'PROVINCE_VIEWER',
  'DEPT_DATA_CLERK',
  'INSPECTOR',
  'POLICY_ADMIN',
  'SYSTEM_ADMIN',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  VILLAGE_ASSISTANT: '村级协理员',
  TOWNSHIP_CLERK: '乡镇经办',
  TOWNSHIP_REVIEWER: '乡镇审核',
  COUNTY_APPROVER: '县级审批',
  CITY_VIEWER: '市州查看',
  PROVINCE_VIEWER: '省级查看',
  DEPT_DATA_CLERK: '部门数据员',
  INSPECTOR: '监督检查员',
  POLICY_ADMIN: '政策参数管理员',
  SYSTEM_ADMIN: '系统管理员',
  SECURITY_ADMIN: '安全管理员',
  AUDIT_ADMIN: '审计管理员',
};

export const PERMISSIONS = [
  'registry:read',
  'registry:write',
  'registry:import',
  'registry:export',
  /** See identity numbers, phones and bank accounts in full (each reveal is audited). */
  'person:reveal',
  'region:manage',
  'user:manage',
  'user:assign-roles',
  'audit:read',
  'dept:upload',
  /** See policy parameters and their history. */
  'policy:read',
  /** Propose, approve or reject parameter versions (four-eyes: never one's own). */
  'policy:manage',
  /** Run the policy engine on a household and store the decision. */
  'assessment:run',
  /** Start batch re-assessments (what-if and applied). */
  'reassessment:run',
  /** See clues (预警/线索) and the monitoring board of one's region. */
  'monitoring:read',
  /** Record clues from 自主申报 / 入户走访 / 热线反映 / 部门预警标识 (staff entry). */
  'monitoring:report',
  /** Verify clues on site (入户核查) and close them with an outcome. */
  'monitoring:handle',
  /** Edit warning rules and switch them per region; start the monthly comparison. */
  'monitoring:manage',
  /** Issue and revoke department API keys (JSON push channel). */
  'dept:keys',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  VILLAGE_ASSISTANT: ['registry:read', 'registry:write', 'policy:read', 'monitoring:read', 'monitoring:report', 'monitoring:handle'],
  TOWNSHIP_CLERK: [
    'registry:read', 'registry:write', 'registry:import', 'registry:export', 'person:reveal', 'policy:read', 'assessment:run',
    'monitoring:read', 'monitoring:report', 'monitoring:handle',
  ],
  TOWNSHIP_REVIEWER: ['registry:read', 'registry:export', 'policy:read', 'assessment:run', 'monitoring:read', 'monitoring:handle'],
  COUNTY_APPROVER: [
    'registry:read', 'registry:write', 'registry:export', 'person:reveal', 'policy:read', 'assessment:run',
    'monitoring:read', 'monitoring:report', 'monitoring:handle',
  ],
  CITY_VIEWER: ['registry:read', 'registry:export', 'policy:read', 'monitoring:read'],
  PROVINCE_VIEWER: ['registry:read', 'registry:export', 'policy:read', 'monitoring:read'],
  /** 部门数据员: uploads department batches and keeps the field mappings of its sources. */
  DEPT_DATA_CLERK: ['dept:upload'],
  INSPECTOR: ['registry:read', 'policy:read', 'monitoring:read'],
  /** 县级/省级政策参数管理员 (issue 3 §1): edits parameters with four-eyes approval, runs re-assessments, edits warning rules. */
  POLICY_ADMIN: ['registry:read', 'policy:read', 'policy:manage', 'reassessment:run', 'monitoring:read', 'monitoring:manage'],
  SYSTEM_ADMIN: ['user:manage', 'region:manage', 'dept:keys'],
  SECURITY_ADMIN: ['user:assign-roles'],
  AUDIT_ADMIN: ['audit:read'],
};

/** The three administrator roles of 三员分立; an account may hold at most one of them. */
export const ADMIN_ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) if (isRole(r)) for (const p of ROLE_PERMISSIONS[r]) out.add(p);
  return out;
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}

export type RoleAssignmentViolation = 'USER_ROLE_SELF_GRANT' | 'USER_ROLE_NOT_ALLOWED';

/**
 * May `actor` set `target`'s roles to `next`? Nobody changes their own roles; only holders
 * of user:assign-roles set roles; no account ends up with two administrator roles.
 */
export function checkRoleAssignment(
  actor: { id: string; roles: readonly string[] },
  target: { id: string },
  next: readonly string[],
): RoleAssignmentViolation | null {
  if (actor.id === target.id) return 'USER_ROLE_SELF_GRANT';
  if (!hasPermission(actor.roles, 'user:assign-roles')) return 'USER_ROLE_NOT_ALLOWED';
  if (next.some((r) => !isRole(r))) return 'USER_ROLE_NOT_ALLOWED';
  if (next.filter((r) => ADMIN_ROLES.includes(r as Role)).length > 1) return 'USER_ROLE_NOT_ALLOWED';
  return null;
}
