import type { Language } from './messages.ts';

/**
 * The page language from the browser's preferred languages: Chinese for any zh-* first preference
 * that comes before an English one, English otherwise.
 *
 * @example
 * ```ts
 * detectLanguage(['zh-CN', 'en']); // 'zh'
 * detectLanguage(['en-GB', 'zh-CN']); // 'en'
 * ```
 */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
