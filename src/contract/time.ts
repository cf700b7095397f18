/**
 * CCE answers timestamps in two families across its operations (and sometimes within one response):
 * RFC 3339 (`2024-01-22T11:05:45Z`, `2023-11-14T20:30:57+08:00`) and Go's default `time.Time`
 * format (`2023-11-24 16:41:12.09236 +0800 CST`, up to nanoseconds, with a zone abbreviation the
 * numeric offset already makes redundant). Both are parsed here so every page shows the same instant.
 */
const GO_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))? ([+-])(\d{2})(\d{2})(?: [A-Za-z]{1,6})?$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** The instant a CCE timestamp names, or `undefined` when the text is no timestamp CCE writes. */
export function parseCceTimestamp(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const go = GO_TIME.exec(text);
  if (go) {
    const [, date, time, fraction = '', sign, hh, mm] = go;
    const millis = fraction.padEnd(3, '0').slice(0, 3);
    return valid(new Date(`${date}T${time}.${millis}${sign}${hh}:${mm}`));
  }
  if (RFC_3339.test(text)) {
    // Date parses RFC 3339 natively once the fraction is cut to milliseconds and the offset has a colon.
    const normalised = text
      .replace(' ', 'T')
      .replace(/\.(\d{1,9})/, (_, f: string) => `.${f.padEnd(3, '0').slice(0, 3)}`)
      .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    return valid(new Date(normalised));
  }
  return undefined;
}

function valid(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}
