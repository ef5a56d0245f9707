/** The highest page a URL may ask for; anything past it is a malformed link. */
const LAST_PAGE = 1_000_000_000;

/** How many pages `total` items fill; at least one, so an empty list still shows page 1. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The `?page=` of a URL: a whole number from 1, else the first page. */
export function pageFromSearch(search: URLSearchParams): number {
  const page = Number(search.get('page'));
  return Number.isInteger(page) && page >= 1 && page <= LAST_PAGE ? page : 1;
}
