import type { Messages } from '../catalogue.ts';

/** The cluster map (`/sandbox map`) and how the adapters deliver a reply's files. */
export const mapMessages = {
  'files.inDm': {
    en: 'I sent {count} file(s) to your direct messages: a file shared here would be seen by everyone.',
    ko: '파일 {count}개를 DM으로 보냈어요: 여기에 올리면 모두에게 보이거든요.',
  },
  'files.leftOut': {
    en: '{count} file(s) were left out: over what {platform} accepts in one message.',
    ko: '파일 {count}개는 빠졌어요: {platform}이(가) 한 메시지에 받는 한도를 넘었어요.',
  },
} as const satisfies Messages;
