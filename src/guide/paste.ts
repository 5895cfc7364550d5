import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * A manifest sent on its own (without `kubectl apply -f -` before it, or in a message after
 * it): kubectl never saw it, so the guide shows how to send it. A manifest starts with
 * `apiVersion:` or `kind:` (or is a fenced block that does).
 */
const MANIFEST_START = /^\s*(?:---\s*\n\s*)?(?:apiVersion|kind)\s*:/;

export function pasteAdvice(text: string, stdin: string | null, lang: Lang): string | null {
  const body = stdin ?? text;
  if (!MANIFEST_START.test(body.slice(0, 200))) return null;
  return `💡 ${t(lang, 'guide.pasteManifest')}`;
}
