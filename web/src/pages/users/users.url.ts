import type { UserSortKey, UsersQuery } from '../../api/types';
import { pageFromSearch } from '../../app/paging';

export const PAGE_SIZES = [20, 50, 100, 200] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Every `sort_by` the Users API knows. */
export const SORT_KEYS: readonly UserSortKey[] = [
  'user_name',
  'user_email',
  'is_admin',
  'source',
  'invited_by',
  'last_login',
  'created_at',
];

export type SortOrder = 'asc' | 'desc';

/** What the Users table shows; the URL holds it, so a view can be shared and Back returns to it. */
export interface UsersView {
  name: string;
  /** only the members of this team; '' for everyone */
  teamId: string;
  sortBy: UserSortKey;
  sortOrder: SortOrder;
  page: number;
  pageSize: PageSize;
}

/** The API's own defaults: newest first, 20 a page. */
export const DEFAULT_VIEW: UsersView = {
  name: '',
  teamId: '',
  sortBy: 'created_at',
  sortOrder: 'desc',
  page: 1,
  pageSize: 20,
};

/** The API's team ids: a value of any other shape would be a 422, so the URL drops it. */
const TEAM_ID = /^[0-9a-f]{24}$/;

/** The view a URL's query asks for; anything unknown or malformed falls back to the default. */
export function viewFromSearch(search: URLSearchParams): UsersView {
  const sortBy = search.get('sort');
  const order = search.get('order');
  const size = Number(search.get('size'));
  const team = search.get('team') ?? '';
  const view: UsersView = {
    name: (search.get('q') ?? '').slice(0, 200),
    teamId: TEAM_ID.test(team) ? team : '',
    sortBy: SORT_KEYS.find((key) => key === sortBy) ?? DEFAULT_VIEW.sortBy,
    sortOrder: DEFAULT_VIEW.sortOrder,
    page: pageFromSearch(search),
    pageSize: PAGE_SIZES.find((s) => s === size) ?? DEFAULT_VIEW.pageSize,
  };
  view.sortOrder = order === 'asc' || order === 'desc' ? order : firstOrder(view.sortBy);
  return view;
}

/** The URL query of a view; defaults are left out, so the plain page has a plain URL. */
export function searchFromView(view: UsersView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.name.trim() !== '') search.set('q', view.name);
  if (view.teamId !== '') search.set('team', view.teamId);
  if (view.sortBy !== DEFAULT_VIEW.sortBy || view.sortOrder !== DEFAULT_VIEW.sortOrder) {
    search.set('sort', view.sortBy);
    search.set('order', view.sortOrder);
  }
  if (view.page !== 1) search.set('page', String(view.page));
  if (view.pageSize !== DEFAULT_VIEW.pageSize) search.set('size', String(view.pageSize));
  return search;
}

/** The API query that lists a view's users. */
export function listQuery(view: UsersView): UsersQuery {
  const name = view.name.trim();
  return {
    ...(name === '' ? {} : { name }),
    ...(view.teamId === '' ? {} : { team_id: [view.teamId] }),
    page: view.page,
    items_per_page: view.pageSize,
    sort_by: view.sortBy,
    sort_order: view.sortOrder,
  };
}

/** Dates read newest first, everything else A to Z. */
function firstOrder(key: UserSortKey): SortOrder {
  return key === 'created_at' || key === 'last_login' ? 'desc' : 'asc';
}

/** Clicking a column header: the same column flips its order, another starts in its natural one; back to page 1. */
export function sortedBy(view: UsersView, key: UserSortKey): UsersView {
  const sortOrder = view.sortBy === key ? (view.sortOrder === 'asc' ? 'desc' : 'asc') : firstOrder(key);
  return { ...view, sortBy: key, sortOrder, page: 1 };
}

/** A new search starts from the first page; so does a new page size. */
export function searchedFor(view: UsersView, name: string): UsersView {
  return name === view.name ? view : { ...view, name, page: 1 };
}

/** Another team (or none, '') starts from the first page. */
export function inTeam(view: UsersView, teamId: string): UsersView {
  return teamId === view.teamId ? view : { ...view, teamId, page: 1 };
}

export function withPageSize(view: UsersView, pageSize: PageSize): UsersView {
  return pageSize === view.pageSize ? view : { ...view, pageSize, page: 1 };
}
