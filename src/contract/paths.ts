import type { HttpMethod, OperationDefinition } from './define-operation.ts';

/** Fills a path template with parameter values, each percent-encoded as one segment. */
export function buildPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

interface CompiledOperation<T extends OperationDefinition> {
  op: T;
  segments: readonly ({ literal: string } | { param: string })[];
  literalCount: number;
}

export type OperationMatch<T extends OperationDefinition> =
  { kind: 'match'; op: T; params: Record<string, string> } | { kind: 'method-not-allowed'; allowed: HttpMethod[] } | { kind: 'none' };

/**
 * Routes a method + raw pathname to one operation of a registry. Segments are compared raw (still
 * percent-encoded): a parameter value containing `%2F`, `%2E%2E` or any other escape is returned
 * encoded, so the caller's segment validation (which forbids `%`) rejects it. When several
 * templates match (e.g. `/charts/{id}/values` vs `/charts/{project_id}/quotas`), the one with more
 * literal segments wins, so literals always beat parameters.
 */
export function createOperationMatcher<T extends OperationDefinition>(operations: readonly T[]) {
  const compiled: CompiledOperation<T>[] = operations.map((op) => {
    const segments = op.path
      .split('/')
      .slice(1)
      .map((s) => {
        const m = /^\{([a-z_]+)\}$/.exec(s);
        return m ? { param: m[1] as string } : { literal: s };
      });
    return { op, segments, literalCount: segments.filter((s) => 'literal' in s).length };
  });

  return function match(method: string, pathname: string): OperationMatch<T> {
    const parts = pathname.split('/').slice(1);
    let best: { c: CompiledOperation<T>; params: Record<string, string> } | undefined;
    const allowed = new Set<HttpMethod>();
    for (const c of compiled) {
      if (c.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = c.segments[i]!;
        const part = parts[i]!;
        if ('literal' in seg) ok = seg.literal === part;
        else if (part === '') ok = false;
        else params[seg.param] = part;
      }
      if (!ok) continue;
      if (c.op.method !== method) {
        allowed.add(c.op.method);
        continue;
      }
      if (!best || c.literalCount > best.c.literalCount) best = { c, params };
    }
    if (best) return { kind: 'match', op: best.c.op, params: best.params };
    if (allowed.size > 0) return { kind: 'method-not-allowed', allowed: [...allowed] };
    return { kind: 'none' };
  };
}
