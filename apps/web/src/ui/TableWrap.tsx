import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways when it is wider than the screen, as a named region that takes
 * keyboard focus, so it can be scrolled with the arrow keys (WCAG 2.1.1).
 */
export function TableWrap({
  label,
  className,
  children,
}: {
  /** What the table lists, read out when the region gets focus. */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={className ? `table-wrap ${className}` : 'table-wrap'}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
