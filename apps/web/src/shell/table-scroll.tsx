import type { ReactNode } from "react";

/**
 * A box that scrolls a table sideways on narrow screens rather than the whole page. It can take
 * focus so keyboard users can scroll it too; it is named by the table's caption.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
