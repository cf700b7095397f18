import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { apiErrorToFieldErrors } from './field-errors.ts';

const field = (path: string) =>
  path === 'spec.values.custom.upstream_nameservers' ? 'nameservers' : path === 'spec.hostNetwork.subnet' ? 'subnet' : undefined;
const refusal = (message: string) => new ApiError({ status: 400, code: 'CCE.03400001', message, requestId: 'r-1' });

describe('a refusal whose message names the request path', () => {
  it('lands on the field, whether or not the documented message comes first', () => {
    expect(apiErrorToFieldErrors(refusal('spec.hostNetwork.subnet: subnet x is not in VPC y.'), field)).toEqual({ subnet: 'subnet x is not in VPC y.' });
    expect(
      apiErrorToFieldErrors(
        refusal('Invalid request. spec.values.custom.upstream_nameservers: at most 3 upstream nameservers can be specified, got 4.'),
        field,
      ),
    ).toEqual({
      nameservers: 'at most 3 upstream nameservers can be specified, got 4.',
    });
  });

  it('concerns no field when the message names none', () => {
    expect(
      apiErrorToFieldErrors(refusal('Resource locked by other requests. Add-on coredns is upgrading; an update is possible once it has finished.'), field),
    ).toEqual({});
    expect(apiErrorToFieldErrors(refusal('Incorrect IAM authentication information: verify aksk signature fail'), field)).toEqual({});
  });
});
