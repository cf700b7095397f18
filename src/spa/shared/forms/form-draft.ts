import { useState } from 'react';

/**
 * What an operator has typed into a long form, kept in this browser tab (sessionStorage) until the form
 * is submitted, the operator starts over, or signs out. A session that times out mid-form sends the
 * operator to sign in and back; the form comes back as it was left.
 */
const PREFIX = 'cce-console.draft.';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled: forms still work, they just are not kept
  }
}

/**
 * The stored draft, read field by field over `initial`: a field whose stored value has another type
 * (a draft from an older console) keeps its initial value, and unknown fields are dropped.
 */
function readDraft<T extends object>(key: string, initial: T): T | undefined {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return undefined;
  try {
    const stored = JSON.parse(raw) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...(initial as Record<string, unknown>) };
    for (const [field, value] of Object.entries(initial)) {
      const candidate = stored[field];
      if (candidate !== undefined && Array.isArray(candidate) === Array.isArray(value) && typeof candidate === typeof value) merged[field] = candidate;
    }
    return merged as T;
  } catch {
    return undefined;
  }
}

/** Forgets every form draft (sign-out: the next person at this browser starts clean). */
export function clearFormDrafts(): void {
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}

interface FormDraft<T> {
  /** The values to start the form with: the draft when there is one, else `initial`. */
  initialValues: T;
  /** Whether the form starts from a kept draft. */
  restored: boolean;
  /** Keeps these values; values equal to `initial` leave no draft. */
  save(values: T): void;
  /** Forgets the draft (submitted, or started over). */
  clear(): void;
}

/** A kept draft for the form `key` (name it by form and user, e.g. `create-cluster:olivia`). */
export function useFormDraft<T extends object>(key: string, initial: T): FormDraft<T> {
  const [restoredValues] = useState(() => readDraft(key, initial));
  return {
    initialValues: restoredValues ?? initial,
    restored: restoredValues !== undefined,
    save(values) {
      const same = JSON.stringify(values) === JSON.stringify(initial);
      try {
        if (same) storage()?.removeItem(PREFIX + key);
        else storage()?.setItem(PREFIX + key, JSON.stringify(values));
      } catch {
        // Quota or disabled storage: the form goes on without a kept copy.
      }
    },
    clear() {
      storage()?.removeItem(PREFIX + key);
    },
  };
}
