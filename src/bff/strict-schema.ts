import { z } from 'zod';

type Def = Record<string, unknown> & { type: string };
const cache = new WeakMap<z.ZodType, z.ZodType>();

function defOf(schema: z.ZodType): Def {
  return schema._zod.def as unknown as Def;
}

/**
 * The request schema as the BFF checks it: every object the contract defines refuses keys it does
 * not name (`Tags` beside `tags`, typos, smuggled fields), at every nesting level, while free-form maps
 * (`z.record`: labels, annotations, Helm values) and objects that declare a catch-all stay as they are.
 * Checks and refinements are kept (each schema is cloned with its definition changed, not rebuilt).
 * Computed once per schema, at start-up.
 */
export function strictRequestSchema<T extends z.ZodType>(schema: T): T {
  const hit = cache.get(schema);
  if (hit) return hit as T;
  const def = defOf(schema);
  let changed: Partial<Def> | undefined;
  const sub = (value: unknown) => (value instanceof z.ZodType ? strictRequestSchema(value) : value);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const strictShape = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, strictRequestSchema(v)]));
      changed = { shape: strictShape, ...(def.catchall === undefined ? { catchall: z.never() } : {}) };
      break;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      changed = { innerType: sub(def.innerType) };
      break;
    case 'array':
      changed = { element: sub(def.element) };
      break;
    case 'union':
      changed = { options: (def.options as unknown[]).map(sub) };
      break;
    case 'intersection':
      changed = { left: sub(def.left), right: sub(def.right) };
      break;
    case 'pipe':
      changed = { in: sub(def.in), out: sub(def.out) };
      break;
    case 'tuple':
      changed = { items: (def.items as unknown[]).map(sub), ...(def.rest ? { rest: sub(def.rest) } : {}) };
      break;
    default:
      // Scalars, records (free-form maps), lazies and custom checks are taken as defined.
      break;
  }
  const result = changed ? (schema.clone({ ...def, ...changed } as unknown as T['_zod']['def']) as T) : schema;
  cache.set(schema, result);
  return result;
}
