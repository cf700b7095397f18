import { z } from 'zod';

/**
 * A single path segment supplied by a caller (project id, cluster id, release name, …).
 * Letters, digits, `.`, `_` and `-` only, never `.` or `..` alone: no `/`, no encoded slash, no host,
 * so a parameter can never change which upstream path is called.
 */
export const pathSegmentSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._-]+$/, 'may contain only letters, digits, ".", "_" and "-"')
  .refine((s) => s !== '.' && s !== '..', 'must not be "." or ".."');

export const projectIdParam = pathSegmentSchema.describe('Project ID');
export const clusterIdParam = pathSegmentSchema.describe('Cluster ID');

/**
 * A documented enum that the console must display, but that a newer cloud may extend: accepts any
 * string at parse time while keeping the documented values in the type for autocompletion.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().meta({ documentedValues: values }) as unknown as z.ZodType<T[number] | (string & {})>;
}

/** Strict enum for request bodies: only documented values are sent upstream. */
export function closedEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}

/** Response objects keep unknown fields so that a newer cloud never breaks a page. */
export const looseObject = z.looseObject;

/** An array that a Go service may send as `null` (an empty slice): read as absent. */
export const optionalList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? undefined);

/** A list a Go service may send as `null` or leave out: read as empty. */
export const itemsList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

/** Kubernetes-style labels/annotations map. */
export const stringMapSchema = z.record(z.string(), z.string());

/** Resource tag as used on clusters (`resourceTag`). */
export const resourceTagSchema = z.looseObject({
  key: z.string().optional(),
  value: z.string().optional(),
});
