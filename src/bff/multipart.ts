/**
 * A minimal reader of buffered `multipart/form-data` bodies. The BFF forwards the original bytes with
 * the original boundary (so nothing is re-encoded on the way), and only needs the part names, whether
 * each part is a file, and the text values of the non-file parts to check them against the contract.
 */

export interface MultipartPart {
  name: string;
  /** Present for file parts (`filename=` in Content-Disposition). */
  filename: string | undefined;
  content: Buffer;
}

export class MultipartError extends Error {}

/** The `boundary` parameter of a multipart content type, or null. */
export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function dispositionParam(header: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  return match ? match[1]!.replace(/\\(.)/g, '$1') : undefined;
}

/** Splits a complete multipart body into its parts; throws {@link MultipartError} when it is malformed. */
export function readMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos === -1) throw new MultipartError('the body does not contain the declared boundary');
  pos += delimiter.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts; // closing `--boundary--`
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) throw new MultipartError('a boundary is not followed by a line break');
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd === -1) throw new MultipartError('a part has no header terminator');
    const headers = body.toString('utf8', pos, headerEnd).split('\r\n');
    const disposition = headers.find((h) => /^content-disposition\s*:/i.test(h));
    if (!disposition || !/:\s*form-data\b/i.test(disposition)) throw new MultipartError('a part has no form-data Content-Disposition');
    const name = dispositionParam(disposition, 'name');
    if (!name) throw new MultipartError('a part has no name');
    const contentStart = headerEnd + 4;
    const end = body.indexOf(next, contentStart);
    if (end === -1) throw new MultipartError('the body ends before the closing boundary');
    parts.push({ name, filename: dispositionParam(disposition, 'filename'), content: body.subarray(contentStart, end) });
    pos = end + next.length;
  }
}
