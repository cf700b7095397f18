import { ApiError } from '../api/api-error.ts';
import type { FieldErrors } from './field-errors.ts';

/**
 * The one way a form takes a refusal from the API: the errors that concern its fields go on those
 * fields (`toFields`, usually built on `apiErrorToFieldErrors`); whatever concerns no field is left for
 * the form to show whole. Returns the refusal when no field took it, else null.
 */
export function putRefusalOnFields<F extends string>(
  form: { setErrors(errors: FieldErrors<F>): void },
  error: unknown,
  toFields: (error: ApiError) => FieldErrors<F>,
): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = toFields(error);
  if (Object.keys(errors).length === 0) return error;
  form.setErrors(errors);
  return null;
}
