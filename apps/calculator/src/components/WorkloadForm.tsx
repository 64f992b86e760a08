import type { Currency } from '@seekcost/pricing';
import type { JSX } from 'preact';
import { describeFieldProblem } from '../i18n/describeFieldProblems.ts';
import type { WorkloadField } from '../logic/parseWorkload.ts';
import type { UpdateState } from '../state/useUrlState.ts';
import type { TokenCounter } from '../tokens/tokenCounter.ts';
import type { CalculatorView } from '../view/createViewDeriver.ts';
import { ModelSelect } from './ModelSelect.tsx';
import { NumberField } from './NumberField.tsx';
import { PromptField } from './PromptField.tsx';
import { WhenField } from './WhenField.tsx';

/**
 * The workload's numeric fields in form order. Each is labelled by the message of the same name;
 * a new per-request count (web searches, fetched pages...) is one more entry here.
 */
const NUMBER_FIELDS: readonly { readonly field: WorkloadField; readonly suffix?: string; readonly inputMode: 'numeric' | 'decimal' }[] = [
  { field: 'inputTokens', inputMode: 'numeric' },
  { field: 'cacheHit', suffix: '%', inputMode: 'decimal' },
  { field: 'outputTokens', inputMode: 'numeric' },
  { field: 'requestsPerDay', inputMode: 'numeric' },
  { field: 'searchesPerRequest', inputMode: 'numeric' },
  { field: 'fetchesPerRequest', inputMode: 'numeric' },
  { field: 'ocrPagesPerRequest', inputMode: 'numeric' },
  { field: 'ttsCharactersPerRequest', inputMode: 'numeric' },
];

/**
 * Props of {@link WorkloadForm}.
 *
 * @example
 * ```ts
 * { view, counter, update, setWhen, resetToNow }
 * ```
 */
export interface WorkloadFormProps {
  readonly view: CalculatorView;
  readonly counter: TokenCounter;
  readonly update: UpdateState;
  readonly setWhen: (value: string) => void;
  readonly resetToNow: () => void;
}

/**
 * The inputs: model, instant, prompt, token counts, requests per day, per-call counts (web
 * searches, fetched pages, OCR pages, TTS characters per request) and currency, each labelled,
 * with its problem tied to it. Focus order follows the visual order.
 *
 * @example
 * ```tsx
 * const { view, update, setWhen, resetToNow } = useCalculatorView(languages);
 * <WorkloadForm view={view} counter={counter} update={update} setWhen={setWhen} resetToNow={resetToNow} />
 * ```
 */
export function WorkloadForm({ view, counter, update, setWhen, resetToNow }: WorkloadFormProps): JSX.Element {
  const { t, state } = view;
  return (
    <form class="card inputs" onSubmit={(e) => e.preventDefault()} aria-label={t.title}>
      <div class="field wide">
        <label for="model">{t.model}</label>
        <ModelSelect
          t={t}
          listings={view.listings}
          value={view.model}
          at={view.at}
          onChange={(model) => update({ model })}
          {...(view.modelError === null ? {} : { describedBy: 'model-error' })}
        />
        {view.modelError === null ? null : (
          <p id="model-error" class="error" role="alert">
            {view.modelError}
          </p>
        )}
      </div>
      <WhenField t={t} value={view.whenValue} zones={view.whenZones} error={view.whenError} onChange={setWhen} onNow={resetToNow} />
      <PromptField t={t} counter={counter} onCount={(n) => update({ inputTokens: String(n) }, { replace: true })} />
      {NUMBER_FIELDS.map(({ field, suffix, inputMode }) => (
        <NumberField
          key={field}
          id={field}
          label={t[field]}
          value={state[field]}
          {...(suffix === undefined ? {} : { suffix })}
          inputMode={inputMode}
          error={view.fieldErrors[field] === undefined ? null : describeFieldProblem(t, view.fieldErrors[field])}
          onInput={(value) => update({ [field]: value })}
        />
      ))}
      <div class="field">
        <label for="currency">{t.currency}</label>
        <select id="currency" value={view.currency} onChange={(e) => update({ currency: e.currentTarget.value as Currency })}>
          <option value="USD">USD ($)</option>
          <option value="CNY">CNY (¥)</option>
        </select>
      </div>
    </form>
  );
}
