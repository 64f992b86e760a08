import type { PromptPart } from '@seekcost/tokenizer-estimate';
import type { JSX } from 'preact';
import type { Messages } from '../i18n/messages.ts';
import type { PromptPrediction } from '../tokens/workerProtocol.ts';

/**
 * Props of {@link PromptBreakdown}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, prediction }
 * ```
 */
export interface PromptBreakdownProps {
  readonly t: Messages;
  readonly prediction: PromptPrediction;
}

// The library's order: what the user wrote first, then what DeepSeek wraps around it.
const PART_ORDER: readonly PromptPart[] = ['content', 'template', 'tools', 'responseFormat', 'images'];

/**
 * The predicted prompt tokens part by part, each marked exact or estimated, with a plain sentence
 * for each kind of estimate present. Parts with no tokens are left out (a body without tools has
 * nothing to say about tools), except content and template, which every body has.
 *
 * @example
 * ```tsx
 * <PromptBreakdown t={MESSAGES.en} prediction={prediction} />
 * ```
 */
export function PromptBreakdown({ t, prediction }: PromptBreakdownProps): JSX.Element {
  const shown = PART_ORDER.filter((part) => part === 'content' || part === 'template' || prediction.parts[part].tokens > 0);
  const imagesEstimated = !prediction.parts.images.exact;
  const textEstimated = PART_ORDER.some((part) => part !== 'images' && !prediction.parts[part].exact);
  return (
    <div data-testid="prompt-breakdown">
      <table class="breakdown">
        <caption>{t.breakdownCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.breakdownPart}</th>
            <th scope="col" class="num">
              {t.breakdownTokens}
            </th>
            <th scope="col">{t.breakdownHow}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((part) => (
            <tr key={part} data-part={part}>
              <th scope="row">{t.promptPartNames[part]}</th>
              <td class="num">{prediction.parts[part].tokens.toLocaleString('en-US')}</td>
              <td>{prediction.parts[part].exact ? t.partExact : t.partEstimated}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {imagesEstimated ? <p class="hint">{t.imagesEstimated(prediction.imageTokensMax.toLocaleString('en-US'))}</p> : null}
      {textEstimated ? <p class="hint">{t.fittedEstimated}</p> : null}
    </div>
  );
}
