import type { FieldProblem } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
import { resolveRoles } from '../roles/roles.service.js';
import { findEnvironments } from './environments.store.js';

/**
 * Checks an environment → role map against the account: every key must be one of its
 * environments and every role must exist there. Returns one problem per bad entry.
 */
export async function checkEnvironmentRoles(
  ex: Executor,
  accountId: string,
  roles: Record<string, string>,
  loc: (string | number)[],
): Promise<FieldProblem[]> {
  const entries = Object.entries(roles);
  if (entries.length === 0) return [];
  const environmentIds = new Set((await findEnvironments(ex, accountId)).map((env) => env.id));
  const knownRoles = await resolveRoles(
    ex,
    accountId,
    entries.map(([, role]) => role),
  );
  const problems: FieldProblem[] = [];
  for (const [environmentId, role] of entries) {
    if (!environmentIds.has(environmentId)) {
      problems.push({
        loc: [...loc, environmentId],
        msg: `Environment ${environmentId} does not exist in this account`,
        type: 'value_error.environment_not_found',
      });
    } else if (!knownRoles.has(role)) {
      problems.push({
        loc: [...loc, environmentId, 'role'],
        msg: `Role '${role}' does not exist in this account`,
        type: 'value_error.role_not_found',
      });
    }
  }
  return problems;
}
