import type { Answer } from '../../api/types';

export type Team = Answer<'get_team'>;

/** The Teams URL's query for a page; the first page has a bare URL. */
export function searchForPage(page: number): URLSearchParams {
  return new URLSearchParams(page > 1 ? { page: String(page) } : {});
}

/** "3 members", "1 member". */
export function membersLabel(count: number): string {
  return `${String(count)} member${count === 1 ? '' : 's'}`;
}
