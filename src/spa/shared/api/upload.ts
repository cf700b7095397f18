import type { QueryClient } from '@tanstack/react-query';
import type { OperationDefinition, ResponseOf } from '../../../contract/define-operation.ts';
import { ApiError, SPA_ERROR_CODES } from './api-error.ts';
import { csrfHeaders, operationUrl, readJsonResponse } from './api-client.ts';
import { withProject, type OperationParams } from './operation-query.ts';

/**
 * Sends a multipart operation and reports upload progress (0–100) as the bytes leave the browser:
 * `fetch` cannot report it, so this one call goes through XMLHttpRequest. The answer is read exactly
 * as every other call's (`readJsonResponse`: same errors, same session handling), with the CSRF header.
 */
export async function uploadWithProgress<Op extends OperationDefinition>(
  client: QueryClient,
  op: Op,
  params: OperationParams<Op>,
  form: FormData,
  onProgress?: (percent: number) => void,
): Promise<ResponseOf<Op>> {
  const url = operationUrl(op, await withProject(client, op, params));
  const response = await new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(op.method, url);
    for (const [name, value] of Object.entries({ Accept: 'application/json', ...csrfHeaders() })) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: SPA_ERROR_CODES.network, message: `The upload to ${url} did not reach the console.` }));
    xhr.onload = () => {
      const headers = new Headers();
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers }));
    };
    onProgress?.(0);
    xhr.send(form);
  });
  const data = await readJsonResponse(response, url);
  if (op.response === null || data === undefined) return null as ResponseOf<Op>;
  const parsed = op.response.safeParse(data);
  return (parsed.success ? parsed.data : data) as ResponseOf<Op>;
}
