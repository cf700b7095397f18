import type { MultipartBody, OperationDefinition } from '../contract/define-operation.ts';
import { cceError } from './http.ts';

/**
 * Reads a `multipart/form-data` body (chart upload and update) with the platform's own parser, as the
 * service would: the declared file parts must be files, and the text parts must pass the contract's
 * schema. Returns the form for the handler.
 */
export async function readMultipartBody(op: OperationDefinition & { body: MultipartBody }, contentType: string, body: Uint8Array): Promise<FormData> {
  if (!/^multipart\/form-data\s*;.*\bboundary=/i.test(contentType)) {
    throw cceError('CCE.01400006', `Use multipart/form-data for ${op.id}, not "${contentType.split(';')[0]!.trim() || 'none'}".`);
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw cceError('CCE.01400001', 'The multipart/form-data body cannot be read.');
  }
  for (const file of op.body.files) {
    const part = form.get(file.name);
    if (part === null && !file.required) continue;
    if (!(part instanceof Blob)) throw cceError('CCE.01400001', `${file.name}: the file part "${file.name}" is required.`);
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === 'string') fields[name] = value;
  const parsed = op.body.fields.safeParse(fields);
  if (!parsed.success) {
    throw cceError(
      'CCE.01400001',
      parsed.error.issues
        .slice(0, 3)
        .map((i) => `${['body', ...i.path.map(String)].join('.')}: ${i.message}`)
        .join('; '),
    );
  }
  return form;
}
