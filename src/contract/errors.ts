import { z } from 'zod';

/** CCE error body, first documented form (§3.3 "Response"): `{"error_code": …, "error_msg": …}`. */
export const cceErrorSnakeSchema = z.looseObject({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: z.string().optional(),
});

/** CCE error body, second documented form (§7.2 "Error Codes"): `{"errorCode": …, "errorMessage": …}`. */
export const cceErrorCamelSchema = z.looseObject({
  errorCode: z.string(),
  errorMessage: z.string(),
});

export const cceErrorSchema = z.union([cceErrorSnakeSchema, cceErrorCamelSchema]);
export type CceError = z.infer<typeof cceErrorSchema>;

/** Reads either documented error shape into one `{code, message}`; null when the body is neither. */
export function normaliseCceError(body: unknown): { code: string; message: string; requestId?: string } | null {
  const snake = cceErrorSnakeSchema.safeParse(body);
  if (snake.success) {
    return { code: snake.data.error_code, message: snake.data.error_msg, ...(snake.data.request_id ? { requestId: snake.data.request_id } : {}) };
  }
  const camel = cceErrorCamelSchema.safeParse(body);
  if (camel.success) return { code: camel.data.errorCode, message: camel.data.errorMessage };
  return null;
}

export const fieldErrorSchema = z.object({
  /** Dotted path of the offending field within its part, e.g. `body.metadata.name`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/**
 * The BFF's one error envelope. Every non-2xx answer of `/api/**` has this shape.
 * `code` is the upstream CCE error code when the error came from the cloud (or simulator),
 * otherwise a `BFF.*` code.
 */
export const apiErrorEnvelopeSchema = z.object({
  error: z.object({
    status: z.number().int(),
    code: z.string(),
    message: z.string(),
    /** Request id an operator can quote: upstream's when there was one, else the BFF's own. */
    requestId: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});
export type ApiErrorEnvelope = z.infer<typeof apiErrorEnvelopeSchema>;

/** Turns a zod error into field errors prefixed with the request part (`params`, `query`, `body`). */
export function toFieldErrors(part: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}
