import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CalculatorState } from './calculatorState.ts';
import { readUrlState } from './readUrlState.ts';
import { writeUrlState } from './writeUrlState.ts';

const TYPING_GROUP_MS = 1000;

/**
 * Updates the state; `replace` keeps the change out of the back/forward history (e.g. counts filled in from the prompt).
 *
 * @example
 * ```ts
 * update({ currency: 'CNY' }); update({ inputTokens: '812' }, { replace: true });
 * ```
 */
export type UpdateState = (patch: Partial<CalculatorState>, options?: { readonly replace?: boolean }) => void;

/**
 * The calculator state, kept in the URL query string: every change is written to the address bar
 * (typing in one field within a second is one history entry, a change to another field is a new one),
 * and back / forward restore the state they point at.
 *
 * @example
 * ```tsx
 * const [state, update] = useUrlState();
 * <input value={state.inputTokens} onInput={(e) => update({ inputTokens: e.currentTarget.value })} />
 * ```
 */
export function useUrlState(): [CalculatorState, UpdateState] {
  const [state, setState] = useState<CalculatorState>(() => readUrlState(window.location.search));
  const stateRef = useRef(state);
  const lastPush = useRef<{ keys: string; at: number }>({ keys: '', at: 0 });

  useEffect(() => {
    const onPopState = () => {
      const next = readUrlState(window.location.search);
      stateRef.current = next;
      lastPush.current = { keys: '', at: 0 };
      setState(next);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const update = useCallback<UpdateState>((patch, options) => {
    const next = { ...stateRef.current, ...patch };
    stateRef.current = next;
    setState(next);
    const url = `${window.location.pathname}${writeUrlState(next)}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    const keys = Object.keys(patch).sort().join(',');
    const now = Date.now();
    const sameTyping = keys === lastPush.current.keys && now - lastPush.current.at < TYPING_GROUP_MS;
    if (options?.replace === true || sameTyping) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    if (options?.replace !== true) lastPush.current = { keys, at: now };
  }, []);

  return [state, update];
}
