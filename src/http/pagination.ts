import type { FastifyRequest } from 'fastify';

export interface PageLinks {
  next_page: string | null;
  previous_page: string | null;
}

/**
 * Links to the neighbouring pages: the same URL and query, only `page` moved. The origin is
 * the one the client used, so the links work through whatever proxy it called.
 */
export function pageLinks(req: FastifyRequest, page: number, pageSize: number, totalItems: number): PageLinks {
  const lastPage = Math.max(1, Math.ceil(totalItems / pageSize));
  const link = (target: number): string => {
    const url = new URL(req.url, `${req.protocol}://${req.host}`);
    url.searchParams.set('page', String(target));
    return url.toString();
  };
  return {
    next_page: page < lastPage ? link(page + 1) : null,
    previous_page: page > 1 ? link(Math.min(page - 1, lastPage)) : null,
  };
}

export interface PageEnvelope extends PageLinks {
  page: number;
  current_page_size: number;
  total_items: number;
}

/** What every paginated answer carries beside its items: the Users list's shape. */
export function pageEnvelope(
  req: FastifyRequest,
  page: number,
  pageSize: number,
  shown: number,
  totalItems: number,
): PageEnvelope {
  return { ...pageLinks(req, page, pageSize, totalItems), page, current_page_size: shown, total_items: totalItems };
}
