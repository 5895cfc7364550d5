import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import type { SandboxTooBig } from '../store/sandboxes.ts';
import type { Reply } from './reply.ts';
import { textReply } from './reply.ts';

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** The answer to a write the sandbox's byte cap refused; the caller returns it as an error, so nothing changes. */
export const sandboxFullReply = (lang: Lang, full: SandboxTooBig): Reply =>
  textReply(t(lang, 'cost.sandboxFull', { size: mib(full.bytes), limit: mib(full.limit) }), false, 'private');
