import { Skeleton, VisuallyHidden } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.ts';
import classes from './data-table.module.css';
import '../i18n/shared-messages.ts';

/**
 * Placeholder rows shaped like the table that is coming, instead of a spinner: the page does not jump
 * when the rows arrive, and a screen reader hears `label` ("Loading clusters…") once.
 */
export function TableSkeleton({ label, columns = [40, 20, 15, 25], rows = 5 }: { label?: string; columns?: readonly number[]; rows?: number }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-busy="true">
      <VisuallyHidden>{label ?? t('app.loading')}</VisuallyHidden>
      <table className={classes.table} aria-hidden="true">
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              {columns.map((width, col) => (
                <td key={col} style={{ width: `${width}%` }}>
                  <Skeleton height={14} width={`${60 + ((row * 7 + col * 13) % 35)}%`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
