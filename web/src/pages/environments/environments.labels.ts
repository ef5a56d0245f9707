/** What a deleted environment took with it, as the API counts it. */
export interface DeletedEnvironment {
  users_updated: number;
  teams_updated: number;
}

const count = (n: number, one: string, many: string): string => `${String(n)} ${n === 1 ? one : many}`;

/** "Staging deleted; 2 users and 1 team lost their role there." */
export function deletedSummary(name: string, deleted: DeletedEnvironment): string {
  const touched = [
    ...(deleted.users_updated > 0 ? [count(deleted.users_updated, 'user', 'users')] : []),
    ...(deleted.teams_updated > 0 ? [count(deleted.teams_updated, 'team', 'teams')] : []),
  ];
  if (touched.length === 0) return `${name} deleted; nobody had a role there.`;
  return `${name} deleted; ${touched.join(' and ')} lost their role there.`;
}
