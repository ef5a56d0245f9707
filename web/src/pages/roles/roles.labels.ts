/** What deleting a role did, as the API counts it. */
export interface DeletedRole {
  reassigned_to: string | null;
  users_moved: number;
  teams_moved: number;
}

const count = (n: number, noun: string): string => `${String(n)} ${noun}${n === 1 ? '' : 's'}`;

/** "Role Release managers deleted; 2 users and 1 team moved to Viewer." */
export function deletedRoleSummary(name: string, deleted: DeletedRole, roleNames: ReadonlyMap<string, string>): string {
  const moved = [
    ...(deleted.users_moved > 0 ? [count(deleted.users_moved, 'user')] : []),
    ...(deleted.teams_moved > 0 ? [count(deleted.teams_moved, 'team')] : []),
  ];
  if (deleted.reassigned_to === null || moved.length === 0) return `Role ${name} deleted.`;
  const to = roleNames.get(deleted.reassigned_to) ?? deleted.reassigned_to;
  return `Role ${name} deleted; ${moved.join(' and ')} moved to ${to}.`;
}
