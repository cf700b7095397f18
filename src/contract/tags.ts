import { z } from 'zod';

/** "Each cluster supports a maximum of 20 resource tags." (§4.5.1 NOTE) */
export const MAX_CLUSTER_TAGS = 20;
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 255;
/** Keys with this prefix are reserved for the system. */
export const RESERVED_TAG_KEY_PREFIX = '_sys_';

// AMBIG (digest §8 quirk 12, §9 item 10): the reference prints a different set of allowed special
// characters in every tag table — cluster create `_./=-+@`, tag create `_:=+-@`, tag delete `_.:=/+-@`,
// cluster responses `_.:;/=+-@`. Chose the union of the three request tables, `_ . : / = + - @`, for
// every request: one tag store sits behind all of them, so a key the console created through one API
// must be deletable through another, and rejecting `.` or `/` (as in `app.kubernetes.io/name`) on
// one path only would strand tags. `;` appears only in response tables, so requests do not accept it.
// "Letters" includes Chinese characters (stated for tag delete), hence Unicode letter classes.
const TAG_CHARACTERS = /^[\p{L}\p{N} _.:/=+\-@]*$/u;
const TAG_CHARACTERS_HINT = 'letters, digits, spaces and _ . : / = + - @';

/**
 * A tag key in a request: required and non-empty, at most 128 characters, no leading or trailing
 * space, documented characters only, not starting with `_sys_`.
 */
// AMBIG (digest §9 item 10): `key` is marked Mandatory "No" in both tag APIs but described as
// "cannot be empty/null"; chose required, since a tag without a key cannot be stored or matched.
export const tagKeySchema = z
  .string({ error: 'Tag key is required' })
  .min(1, 'Tag key must not be empty')
  .max(TAG_KEY_MAX_LENGTH, `Tag key must be at most ${TAG_KEY_MAX_LENGTH} characters`)
  .regex(TAG_CHARACTERS, `Tag key may contain only ${TAG_CHARACTERS_HINT}`)
  .refine((k) => k.trim() === k, 'Tag key must not start or end with a space')
  .refine((k) => !k.startsWith(RESERVED_TAG_KEY_PREFIX), `Tag key must not start with ${RESERVED_TAG_KEY_PREFIX}`);

/** A tag value in a request: may be empty ("can be null"), at most 255 characters, documented characters only. */
export const tagValueSchema = z
  .string()
  .max(TAG_VALUE_MAX_LENGTH, `Tag value must be at most ${TAG_VALUE_MAX_LENGTH} characters`)
  .regex(TAG_CHARACTERS, `Tag value may contain only ${TAG_CHARACTERS_HINT}`);

/** One resource tag in a request (`ResourceTag`, also `spec.clusterTags[]` on cluster creation). */
export const resourceTagRequestSchema = z.object({
  key: tagKeySchema,
  value: tagValueSchema.optional(),
});
export type ResourceTagRequest = z.infer<typeof resourceTagRequestSchema>;

function hasUniqueKeys(tags: readonly { key: string }[]): boolean {
  return new Set(tags.map((t) => t.key)).size === tags.length;
}

/**
 * A list of at most 20 tags with distinct keys, as sent on cluster creation and to `tags/create`.
 */
// The reference does not say what a request naming one key twice does; rejecting it keeps the result
// from depending on which duplicate the server applies last.
export const resourceTagListSchema = z
  .array(resourceTagRequestSchema)
  .max(MAX_CLUSTER_TAGS, `A cluster supports at most ${MAX_CLUSTER_TAGS} resource tags`)
  .refine(hasUniqueKeys, 'Each tag key may appear only once');

/**
 * Body of `BatchCreateAutopilotClusterTags` (`BatchCreateClusterTagsRequestBody`). Idempotent: the same
 * key and value is accepted again; the same key with a new value overwrites the existing tag.
 */
export const tagsCreateBodySchema = z.object({
  tags: resourceTagListSchema.refine((tags) => tags.length > 0, 'Give at least one tag'),
});
export type TagsCreateBody = z.infer<typeof tagsCreateBodySchema>;

/** Body of `BatchDeleteAutopilotClusterTags` (`BatchDeleteClusterTagsRequestBody`). Deleting a key that does not exist succeeds. */
export const tagsDeleteBodySchema = z.object({
  tags: z.array(z.object({ key: tagKeySchema })).min(1, 'Give at least one tag key'),
});
export type TagsDeleteBody = z.infer<typeof tagsDeleteBodySchema>;
