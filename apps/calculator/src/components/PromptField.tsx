import { useEffect, useRef, useState } from 'preact/hooks';
import type { Messages } from '../i18n/messages.ts';
import type { TokenCounter } from '../tokens/tokenCounter.ts';

/**
 * Props of {@link PromptField}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.zh, counter, onCount: (n) => console.log(n) }
 * ```
 */
export interface PromptFieldProps {
  readonly t: Messages;
  readonly counter: TokenCounter;
  /** Called with the newest count (quick first, then exact) so "Input tokens" follows the prompt. */
  readonly onCount: (tokens: number) => void;
}

const EXACT_DELAY_MS = 250;

type ExactState = { readonly kind: 'idle' } | { readonly kind: 'counting' } | { readonly kind: 'done'; readonly tokens: number } | { readonly kind: 'failed' };

/**
 * The "Prompt" box: a quick estimate on every keystroke, then the exact DeepSeek count from the
 * worker once typing pauses. The textarea is uncontrolled so a 1 MB paste is never copied back into
 * the DOM on re-render, and the text is kept only in this page (not in state that reaches the URL).
 *
 * @example
 * ```tsx
 * <PromptField t={MESSAGES.en} counter={counter} onCount={(n) => update({ inputTokens: String(n) }, { replace: true })} />
 * ```
 */
export function PromptField({ t, counter, onCount }: PromptFieldProps) {
  const [quick, setQuick] = useState<number | null>(null);
  const [exact, setExact] = useState<ExactState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onCountRef = useRef(onCount);
  onCountRef.current = onCount;

  useEffect(() => () => clearTimeout(timer.current), []);

  const onInput = (event: Event) => {
    const text = (event.currentTarget as HTMLTextAreaElement).value;
    clearTimeout(timer.current);
    if (text === '') {
      setQuick(null);
      setExact({ kind: 'idle' });
      return;
    }
    const estimate = counter.quick(text);
    setQuick(estimate);
    onCountRef.current(estimate);
    setExact({ kind: 'counting' });
    timer.current = setTimeout(() => {
      counter.exact(text).then(
        (tokens) => {
          setExact({ kind: 'done', tokens });
          onCountRef.current(tokens);
        },
        (error: unknown) => {
          if (error instanceof Error && error.message === 'superseded') return;
          setExact({ kind: 'failed' });
        },
      );
    }, EXACT_DELAY_MS);
  };

  return (
    <div class="field wide">
      <label for="prompt">{t.prompt}</label>
      {/* autocomplete="off" keeps Chrome from saving the text as form state in session history: with
          it on, every history.replaceState serialised a 1 MB paste (~27 ms per keystroke elsewhere). */}
      <textarea
        id="prompt"
        rows={4}
        spellcheck={false}
        autoComplete="off"
        aria-describedby="prompt-hint prompt-count"
        onInput={onInput}
        onFocus={() => counter.warmUp()}
      />
      <p id="prompt-hint" class="hint">
        {t.promptHint}
      </p>
      <p id="prompt-count" class="hint" aria-live="polite" data-testid="prompt-count">
        {quick === null ? '' : t.fastEstimate(quick.toLocaleString('en-US'))}
        {quick === null ? '' : ' · '}
        <span data-testid="exact-count">
          {exact.kind === 'counting'
            ? t.exactCounting
            : exact.kind === 'done'
              ? t.exactCount(exact.tokens.toLocaleString('en-US'))
              : exact.kind === 'failed'
                ? t.exactUnavailable
                : ''}
        </span>
      </p>
    </div>
  );
}
