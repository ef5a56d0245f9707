import type { FieldProblem } from '../../core/errors.js';
import { PRIVILEGES, type Privilege } from './roles.catalog.js';

/** Keys of custom roles: short, lower-case, safe in URLs and in the reference's `role` field. */
export const ROLE_KEY_PATTERN = '^[a-z][a-z0-9_]{1,62}$';

const PRIVILEGE_BY_KEY: ReadonlyMap<string, Privilege> = new Map(PRIVILEGES.map((p) => [p.key, p]));

/**
 * Checks a custom role's privileges against the catalog and the account's features: one
 * problem per privilege that does not exist, is for admins only, or needs a feature the
 * account lacks.
 */
export function checkPrivileges(
  privileges: readonly string[],
  accountFeatures: readonly string[],
  loc: (string | number)[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  privileges.forEach((key, index) => {
    const privilege = PRIVILEGE_BY_KEY.get(key);
    if (privilege === undefined) {
      problems.push({
        loc: [...loc, index],
        msg: `Unknown privilege '${key}'; GET /v1/privileges lists them`,
        type: 'value_error.privilege_not_found',
      });
    } else if (privilege.adminOnly) {
      problems.push({
        loc: [...loc, index],
        msg: `Privilege '${key}' is held by account admins only; a custom role cannot give it`,
        type: 'value_error.privilege_admin_only',
      });
    } else if (privilege.feature !== null && !accountFeatures.includes(privilege.feature)) {
      problems.push({
        loc: [...loc, index],
        msg: `Privilege '${key}' needs the account feature '${privilege.feature}', which this account does not have`,
        type: 'value_error.feature_required',
      });
    }
  });
  return problems;
}
