import type { JSX } from 'preact';
import type { Language, Messages } from '../i18n/messages.ts';
import type { ThemeChoice } from '../state/calculatorState.ts';

/**
 * Props of {@link PageHeader}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, lang: 'en', theme: null, onLanguage, onTheme }
 * ```
 */
export interface PageHeaderProps {
  readonly t: Messages;
  readonly lang: Language;
  /** null follows the system's light or dark preference. */
  readonly theme: ThemeChoice | null;
  readonly onLanguage: (lang: Language) => void;
  readonly onTheme: (theme: ThemeChoice | null) => void;
}

/**
 * The page title and tagline, with the language and theme pickers.
 *
 * @example
 * ```tsx
 * <PageHeader t={MESSAGES.zh} lang="zh" theme="dark" onLanguage={(lang) => update({ lang })} onTheme={(theme) => update({ theme })} />
 * ```
 */
export function PageHeader({ t, lang, theme, onLanguage, onTheme }: PageHeaderProps): JSX.Element {
  return (
    <header class="top">
      <div>
        <h1>{t.title}</h1>
        <p class="tagline">{t.tagline}</p>
      </div>
      <div class="settings">
        <label>
          <span>{t.language}</span>
          <select id="language" value={lang} onChange={(e) => onLanguage(e.currentTarget.value as Language)}>
            <option value="en">English</option>
            <option value="zh">简体中文</option>
          </select>
        </label>
        <label>
          <span>{t.theme}</span>
          <select
            id="theme"
            value={theme ?? 'auto'}
            onChange={(e) => onTheme(e.currentTarget.value === 'auto' ? null : (e.currentTarget.value as ThemeChoice))}
          >
            <option value="auto">{t.themeAuto}</option>
            <option value="light">{t.themeLight}</option>
            <option value="dark">{t.themeDark}</option>
          </select>
        </label>
      </div>
    </header>
  );
}
