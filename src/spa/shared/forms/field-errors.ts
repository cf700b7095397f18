import type { ApiError } from '../api/api-error.ts';
import { localizeValidationMessage } from './validation-messages.ts';

/** Form errors keyed by the form's own field names. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A validation issue as zod reports it: where in the request, and what is wrong. */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Validation issues of a request → the form fields that produced them (first issue per field), each in
 * the console's language. `message` may reword an issue for its field (e.g. name the line of a multi-line input).
 */
export function issuesToFieldErrors<F extends string>(
  issues: readonly Issue[],
  fieldOfPath: (path: string) => F | undefined,
  message: (field: F, issue: Issue) => string = (_field, issue) => issue.message,
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = fieldOfPath(issue.path.map(String).join('.'));
    if (field && !errors[field]) errors[field] = message(field, { ...issue, message: localizeValidationMessage(issue.message) });
  }
  return errors;
}

/**
 * Where a refusal from the API belongs, field by field:
 * - the BFF's own validation names request paths (`fields: [{path: 'body.metadata.name', …}]`);
 * - the simulator and CCE write the request path before the message (`spec.hostNetwork.subnet: …`);
 * - otherwise the documented error code may name the field (`fieldOfCode`).
 * Anything else concerns no one field: `{}`, and the form shows the error whole.
 */
export function apiErrorToFieldErrors<F extends string>(
  error: ApiError,
  fieldOfPath: (path: string) => F | undefined,
  fieldOfCode: (error: ApiError) => F | undefined = () => undefined,
): FieldErrors<F> {
  const errors = issuesToFieldErrors(
    error.fields.map(({ path, message }) => ({ path: [path.replace(/^body\./, '')], message })),
    fieldOfPath,
  );
  if (Object.keys(errors).length > 0) return errors;
  // CCE writes its documented message first ("Invalid request. spec.values.custom.x: …"): the path may follow it.
  const prefix = /^(?:[^:]*?\.\s+)?([a-zA-Z][a-zA-Z.[\]0-9"/_-]*):\s*/.exec(error.message);
  const fromMessage = prefix ? fieldOfPath(prefix[1]!) : undefined;
  if (fromMessage) return { [fromMessage]: localizeValidationMessage(error.message.slice(prefix![0].length)) } as FieldErrors<F>;
  const fromCode = fieldOfCode(error);
  return fromCode ? ({ [fromCode]: localizeValidationMessage(error.message) } as FieldErrors<F>) : {};
}
