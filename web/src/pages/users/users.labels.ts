import type { UserListItem } from '../../api/types';
import type { UsersView } from './users.url';

/** Who manages a user: Steward itself (`rivery`, the reference's name) or the directory through SCIM. */
const SOURCE_LABELS: Record<string, string> = { rivery: 'Steward', active_directory: 'Directory (SCIM)' };

export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source;
}

export type StatusLabel = 'Invited' | 'Active' | 'Deactivated';

/** A deactivated user is that, whatever their invitation's state. */
export function statusLabel(user: Pick<UserListItem, 'status' | 'is_active'>): StatusLabel {
  if (user.is_active === false) return 'Deactivated';
  return user.status === 'invited' ? 'Invited' : 'Active';
}

/**
 * The user's role in each environment, by name, in the account's environment order:
 * `[["Production", "Admin"], …]`. Ids the lists do not know (just created) show as they are.
 */
export function rolesByEnvironment(
  environments: UserListItem['environments'],
  environmentNames: ReadonlyMap<string, string>,
  roleNames: ReadonlyMap<string, string>,
): [string, string][] {
  const order = [...environmentNames.keys()];
  const position = (id: string): number => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  return Object.entries(environments)
    .sort(([a], [b]) => position(a) - position(b))
    .map(([id, grant]) => [environmentNames.get(id) ?? id, roleNames.get(grant.role) ?? grant.role]);
}

/** What the table shows, in words: its filters, the team by name once the list of teams is in. */
export function tableCaption(view: Pick<UsersView, 'name' | 'teamId'>, teamName: string | undefined): string {
  const team = view.teamId === '' ? '' : ` in the team ${teamName ?? view.teamId}`;
  if (view.name.trim() === '') return team === '' ? 'The account’s users' : `Users${team}`;
  return `Users matching “${view.name}”${team}`;
}
