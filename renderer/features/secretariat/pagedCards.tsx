// Lists of panel cards (one per panel: 100 in a 1,000-base round), five a page. Every card
// holds an antd Table, and each Table, when it mounts, measures the scrollbar by adding an
// element and a stylesheet and forcing a layout of the whole page: 100 cards mounted at once
// cost 100 layouts of a page that grows with each card (seconds; screens_1000_max_ms), and each
// card's table of experts is dozens of antd components: ten cards a page took twice as long
// to render as five.
import { Pagination } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';

export const CARDS_PER_PAGE = 5;

/**
 * The items of the current page and the pager (null when one page holds them all). When the
 * list shrinks (a filter), the page is clamped to the last one.
 */
export function usePagedCards<T>(
  items: readonly T[],
  testId: string,
  pageSize: number = CARDS_PER_PAGE,
): { shown: T[]; pager: ReactNode } {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(page, pages);
  const shown = items.slice((current - 1) * pageSize, current * pageSize);
  const pager =
    items.length > pageSize ? (
      <Pagination
        align="center"
        current={current}
        pageSize={pageSize}
        total={items.length}
        showSizeChanger={false}
        onChange={setPage}
        data-testid={testId}
      />
    ) : null;
  return { shown, pager };
}
