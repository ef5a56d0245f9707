import type { operations } from './schema';

/** The JSON body an operation answers with `status`. */
export type Answer<Op extends keyof operations, Status extends number = 200> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer Body } }> ? Body : never;

export type Me = Answer<'get_me'>;
export type UserList = Answer<'list_users'>;
export type UserListItem = UserList['items'][number];
export type UsersQuery = NonNullable<operations['list_users']['parameters']['query']>;
export type UserSortKey = UsersQuery['sort_by'];
