import { useI18n } from '../i18n/i18n-context.ts';
import '../i18n/shared-messages.ts';

/**
 * An instant in the operator's language, with the exact ISO value on hover. A value that does not
 * parse is shown as received: one odd timestamp must not take the whole table down.
 */
export function Timestamp({ value }: { value: string }) {
  const { formatDateTime } = useI18n();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {formatDateTime(date)}
    </time>
  );
}
