import type { Messages } from '../catalogue.ts';

/** "Apply manifest" on a message (a Discord message command, a Slack message shortcut). */
export const applyMessages = {
  'apply.fromMessage.name': { en: 'Apply manifest', ko: '매니페스트 적용' },
  'apply.fromMessage.description': {
    en: 'Apply the code block of this message to your sandbox',
    ko: '이 메시지의 코드 블록을 내 샌드박스에 적용해요',
  },
  'apply.fromMessage.none': {
    en: 'That message holds no manifest: Apply manifest reads its first code block (```yaml … ```), or YAML text starting with `apiVersion:`, or an attached .yaml file.',
    ko: '그 메시지에는 매니페스트가 없어요. 매니페스트 적용은 첫 번째 코드 블록(```yaml … ```)이나 `apiVersion:`으로 시작하는 YAML 글, 또는 첨부된 .yaml 파일을 읽어요.',
  },
} as const satisfies Messages;
