import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clearFormDrafts, useFormDraft } from './form-draft.ts';

const initial = { name: '', subnets: [] as string[], snat: true };

describe('form drafts', () => {
  it('keeps changed values, leaves no draft for untouched ones, and starts the next form from them', () => {
    const first = renderHook(() => useFormDraft('create-cluster:olivia', initial)).result.current;
    expect(first.restored).toBe(false);
    first.save(initial);
    expect(window.sessionStorage.length).toBe(0);
    first.save({ name: 'orders-api', subnets: ['s-1'], snat: false });

    const next = renderHook(() => useFormDraft('create-cluster:olivia', initial)).result.current;
    expect(next.restored).toBe(true);
    expect(next.initialValues).toEqual({ name: 'orders-api', subnets: ['s-1'], snat: false });
    // Another operator's form in the same tab starts clean.
    expect(renderHook(() => useFormDraft('create-cluster:bob', initial)).result.current.restored).toBe(false);
  });

  it('reads an older draft field by field, dropping what no longer fits', () => {
    window.sessionStorage.setItem('cce-console.draft.create-cluster:olivia', JSON.stringify({ name: 'kept', subnets: 'not-a-list', removed: 1 }));
    const draft = renderHook(() => useFormDraft('create-cluster:olivia', initial)).result.current;
    expect(draft.initialValues).toEqual({ name: 'kept', subnets: [], snat: true });
    window.sessionStorage.setItem('cce-console.draft.create-cluster:olivia', '{not json');
    expect(renderHook(() => useFormDraft('create-cluster:olivia', initial)).result.current.restored).toBe(false);
  });

  it('forgets every draft on sign-out, and only drafts', () => {
    window.sessionStorage.setItem('cce-console.draft.create-cluster:olivia', JSON.stringify({ name: 'x' }));
    window.sessionStorage.setItem('other-key', 'stays');
    clearFormDrafts();
    expect(Object.keys(window.sessionStorage)).toEqual(['other-key']);
  });
});
