import type { Messages } from '../catalogue.ts';

/** What the Discord and Slack adapters need said: command descriptions, delivery, operator starts. */
export const platformsMessages = {
  'discord.curl': {
    en: 'Run curl on your own computer (reaches localhost ports you port-forwarded)',
    ko: '내 컴퓨터에서 curl 실행 (port-forward한 localhost 포트에 닿아요)',
  },
  'discord.curl.args': {
    en: 'The curl command line, e.g. localhost:8888',
    ko: 'curl 명령줄, 예: localhost:8888',
  },
  'discord.wget': {
    en: 'Run wget on your own computer (reaches localhost ports you port-forwarded)',
    ko: '내 컴퓨터에서 wget 실행 (port-forward한 localhost 포트에 닿아요)',
  },
  'discord.wget.args': {
    en: 'The wget command line, e.g. -qO- localhost:8888',
    ko: 'wget 명령줄, 예: -qO- localhost:8888',
  },
} as const satisfies Messages;
