import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The area of the API reference an operation belongs to; used for navigation, audit targets and docs. */
export type OperationResource = 'clusters' | 'jobs' | 'quotas' | 'tags' | 'addons' | 'upgrades' | 'charts' | 'releases' | 'network';

/**
 * The cloud service whose endpoint serves an operation: `cce` (CCE Autopilot, the default) or `vpc`
 * (the VPC service's read-only network look-ups: VPCs, subnets, elastic IPs; see network.ts).
 */
export type CloudService = 'cce' | 'vpc';

/** Where the console's BFF forwards each service's operations: this prefix + the operation's own path. */
export const SERVICE_PREFIXES: Readonly<Record<CloudService, string>> = { cce: '/api/cce', vpc: '/api/vpc' };

/**
 * A multipart/form-data request body (chart upload/update). `files` names the file parts;
 * `fields` validates the non-file parts (each arrives as a string).
 */
export interface MultipartBody<F extends z.ZodType = z.ZodType> {
  kind: 'multipart';
  files: readonly { name: string; required: boolean }[];
  fields: F;
}

export interface JsonBody<S extends z.ZodType = z.ZodType> {
  kind: 'json';
  schema: S;
}

export type OperationBody = JsonBody | MultipartBody;

export interface OperationDefinition {
  /** Official operation id, as in Huawei's API Explorer and SDKs (e.g. `ListAutopilotClusters`). */
  readonly id: string;
  /** Title of the operation in the API reference (e.g. "Obtaining Clusters in a Project"). */
  readonly title: string;
  readonly resource: OperationResource;
  /** Service endpoint that serves it; absent means `cce`. */
  readonly service?: CloudService;
  readonly method: HttpMethod;
  /** Path template exactly as documented, e.g. `/autopilot/v3/projects/{project_id}/clusters/{cluster_id}`. */
  readonly path: string;
  /** Path parameters, one key per `{name}` in `path`. */
  readonly params: z.ZodObject;
  /** Query parameters, or null when the operation documents none. */
  readonly query: z.ZodObject | null;
  readonly body: OperationBody | null;
  /** Response body schema (lenient), or null when the success response has no body (204). */
  readonly response: z.ZodType | null;
  /**
   * How the success body is read: `json` (the default when absent) or `binary`, a file passed through
   * as bytes and never parsed (chart archive download; `response` is then null).
   */
  readonly responseKind?: 'json' | 'binary';
  /** The single success status the reference documents for this operation. */
  readonly successStatus: 200 | 201 | 202 | 204;
  /** Response headers the reference documents (e.g. `Port-ID` on the cluster certificate). */
  readonly responseHeaders?: readonly string[];
}

/** Identity function that keeps the literal types of an operation definition. */
export function defineOperation<const T extends OperationDefinition>(op: T): T {
  return op;
}

export type ParamsOf<T extends OperationDefinition> = z.input<T['params']>;
export type QueryOf<T extends OperationDefinition> = T['query'] extends z.ZodType ? z.input<T['query']> : undefined;
export type BodyOf<T extends OperationDefinition> = T['body'] extends JsonBody<infer S> ? z.input<S> : T['body'] extends MultipartBody ? FormData : undefined;
export type ResponseOf<T extends OperationDefinition> = T['response'] extends z.ZodType ? z.output<T['response']> : null;

/** Names of the `{params}` in a path template, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] as string);
}
