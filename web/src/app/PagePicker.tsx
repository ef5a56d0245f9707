import { Center, Pagination } from '@mantine/core';
import { useEffect } from 'react';

const CONTROL_LABELS = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };

/** The page buttons under a list, each with a name a screen reader says; nothing for a single page. */
export function PagePicker({
  page,
  pages,
  onChange,
}: {
  page: number;
  pages: number;
  onChange: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <Center>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        getItemProps={(n) => ({ 'aria-label': `Page ${String(n)}` })}
        getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
        withEdges
        siblings={1}
      />
    </Center>
  );
}

/**
 * Goes to the last page when the one shown is past it: removing the last item of the last page
 * (or an old link) would otherwise show an empty table that says the list is empty.
 */
export function useStayInPages(page: number, pages: number | undefined, goTo: (page: number) => void): void {
  useEffect(() => {
    if (pages !== undefined && page > pages) goTo(pages);
  }, [page, pages, goTo]);
}
