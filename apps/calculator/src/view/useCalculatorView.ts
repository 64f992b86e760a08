import { useEffect, useMemo, useState } from 'preact/hooks';
import { instantOfDateTimeLocal } from '../logic/instantOfDateTimeLocal.ts';
import { MINUTE_MS } from '../logic/timeUnits.ts';
import { zoneIdOf } from '../logic/zoneClock.ts';
import { useUrlState, type UpdateState } from '../state/useUrlState.ts';
import { createViewDeriver, type CalculatorView } from './createViewDeriver.ts';

/**
 * The page's view model and what the inputs can do to it.
 *
 * @example
 * ```ts
 * const { view, update, setWhen, resetToNow } = useCalculatorView(['en-US']);
 * ```
 */
export interface CalculatorViewModel {
  readonly view: CalculatorView;
  readonly update: UpdateState;
  /** Sets the instant from a datetime-local value read on the browser's clock; ignores a partial one. */
  readonly setWhen: (value: string) => void;
  /** Back to "now" (and the clock restarts from the current instant). */
  readonly resetToNow: () => void;
}

/**
 * The calculator's state, clock and document effects in one hook: the URL state, "now" ticking
 * every minute while no instant is pinned, the page language and theme on <html>, and the view
 * derived from them by {@link createViewDeriver} (pure, tested without the DOM).
 *
 * @example
 * ```tsx
 * const { view, update } = useCalculatorView(navigator.languages);
 * <p role="status">{view.problem ?? view.t.totalPerRequest(formatMoney(view.cost!.estimate.perRequest, view.currency))}</p>
 * ```
 */
export function useCalculatorView(languages: readonly string[]): CalculatorViewModel {
  const [state, update] = useUrlState();
  const [now, setNow] = useState(() => Date.now());
  const localZone = useMemo(() => zoneIdOf('local'), []);
  const derive = useMemo(() => createViewDeriver(), []);
  const view = derive({ state, now, localZone, languages });

  // "Now" moves on while the page stays open, so the tier in force and the schedule stay current.
  useEffect(() => {
    if (state.at !== null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), MINUTE_MS);
    return () => clearInterval(timer);
  }, [state.at]);
  useEffect(() => {
    document.documentElement.lang = view.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `seekcost · ${view.t.title}`;
  }, [view.lang, view.t]);
  useEffect(() => {
    if (state.theme === null) delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = state.theme;
  }, [state.theme]);

  return {
    view,
    update,
    setWhen: (value) => {
      const at = instantOfDateTimeLocal(value, localZone);
      if (at !== null) update({ at });
    },
    resetToNow: () => {
      setNow(Date.now());
      update({ at: null });
    },
  };
}
