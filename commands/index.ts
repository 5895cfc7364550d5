import type { ChatCommand } from '../src/chat/context.ts';
import { curl, wget } from './chat/curl.ts';
import { daily } from './chat/daily.ts';
import { file } from './chat/file.ts';
import { guide } from './chat/guide.ts';
import { help } from './chat/help.ts';
import { home } from './chat/home.ts';
import { kubectl } from './chat/kubectl.ts';
import { lab } from './chat/lab.ts';
import { lang } from './chat/lang.ts';
import { progress } from './chat/progress.ts';
import { quiz } from './chat/quiz.ts';
import { sandbox } from './chat/sandbox.ts';
import { settings } from './chat/settings.ts';
import { share } from './chat/share.ts';

export { KUBECTL_VERBS } from './kubectl/index.ts';

/** Every chat command, listed explicitly (a test fails if a module in commands/chat is missing). */
export const CHAT_COMMANDS: readonly ChatCommand[] = [
  kubectl,
  help,
  sandbox,
  lang,
  lab,
  curl,
  wget,
  file,
  quiz,
  settings,
  share,
  progress,
  daily,
  home,
  guide,
];
