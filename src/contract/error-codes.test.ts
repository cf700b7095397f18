import { describe, expect, it } from 'vitest';
import { CCE_ERROR_CODES, cceErrorResponse, isCceErrorCode } from './error-codes.ts';
import { normaliseCceError } from './errors.ts';

describe('CCE_ERROR_CODES', () => {
  const entries = Object.entries(CCE_ERROR_CODES);

  it('holds the 43 rows of the reference table', () => {
    expect(entries).toHaveLength(43);
  });

  it.each(entries)('%s carries the HTTP status its code names', (code, info) => {
    expect(code).toMatch(/^CCE\.0[123]\d{6}$/);
    expect(String(info.status)).toBe(code.slice(6, 9));
    expect(info.message.length).toBeGreaterThan(0);
    expect(info.troubleshooting.length).toBeGreaterThan(0);
  });

  it('keeps the table wording verbatim, quirks included', () => {
    expect(CCE_ERROR_CODES['CCE.01400008'].message).toBe('Insufficient server quota');
    expect(CCE_ERROR_CODES['CCE.03409001'].message).toBe('Addon instance has installed.');
    expect(isCceErrorCode('CCE.01429001')).toBe(false);
    expect(isCceErrorCode('CCE.01429002')).toBe(true);
  });
});

describe('cceErrorResponse', () => {
  it('builds the §7.2 body that the shared error reader understands', () => {
    const { status, body } = cceErrorResponse('CCE.01404001', 'Cluster abc does not exist.');
    expect(status).toBe(404);
    expect(normaliseCceError(body)).toEqual({ code: 'CCE.01404001', message: 'Resource not found. Cluster abc does not exist.' });
    expect(cceErrorResponse('CCE.01400007').body.errorMessage).toBe('Insufficient cluster quota.');
  });
});
