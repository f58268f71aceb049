import { ROLE_LABELS, ROLE_PERMISSIONS, ROLES } from '../../domain/access/roles.js';

/** Every role with its Chinese label and permissions (for the role picker and help text). */
export function listRoles() {
  return ROLES.map((code) => ({ code, label: ROLE_LABELS[code], permissions: [...ROLE_PERMISSIONS[code]] }));
}
