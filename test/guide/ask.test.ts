import { describe, expect, it } from 'vitest';
import { conceptOf } from '../../src/guide/ask.ts';
import { GLOSSARY } from '../../src/guide/glossary.ts';
import { testApp } from '../helpers/app.ts';

/** Plain questions, typed as learners type them, and the concept each one asks about. */
const QUESTIONS: readonly (readonly [question: string, concept: string])[] = [
  ['포드가 뭐야?', 'pod'],
  ['파드는 뭔가요', 'pod'],
  ['컨테이너 하나에 프로세스 여러 개 넣으면 안 돼?', 'one process per container'],
  ['파드가 왜 필요해?', 'one process per container'],
  ['같은 파드 안에서 컨테이너끼리 어떻게 통신해?', 'localhost inside a pod'],
  ['localhost로 접속이 돼?', 'localhost inside a pod'],
  ['다른 파드에 어떻게 접속하지', 'pod IP and the flat network'],
  ['플랫 네트워크가 뭐예요?', 'pod IP and the flat network'],
  ['프론트랑 백엔드를 한 파드에 넣어도 돼?', 'splitting an application into pods'],
  ['사이드카가 뭐야', 'sidecar'],
  ['스케일링은 어떻게 해요?', 'scaling'],
  ['yaml로 파드 만드는 법', 'YAML manifest'],
  ['매니페스트 작성법 알려줘', 'YAML manifest'],
  ['로그는 어디서 봐?', 'logs'],
  ['포트 포워딩이 뭐야?', 'port-forward'],
  ['레이블 붙이는 법', 'labels'],
  ['셀렉터 문법 알려줘', 'label selectors'],
  ['gpu 있는 노드에만 띄우려면?', 'node labels and nodeSelector'],
  ['어노테이션이랑 레이블 차이가 뭐야', 'annotations'],
  ['파드 전부 삭제하는 법', 'deleting pods'],
  ['what is a pod', 'pod'],
  ['What is a pod?', 'pod'],
  ['why only one process per container?', 'one process per container'],
  ['how do containers in the same pod talk to each other', 'localhost inside a pod'],
  ['what is localhost inside a pod', 'localhost inside a pod'],
  ['can a pod reach another pod by ip?', 'pod IP and the flat network'],
  ['is there NAT between pods', 'pod IP and the flat network'],
  ['should frontend and backend be in separate pods?', 'splitting an application into pods'],
  ['what is a sidecar', 'sidecar'],
  ['how does scaling work with pods', 'scaling'],
  ['how do I write a yaml manifest', 'YAML manifest'],
  ['how to see the full definition with -o yaml', 'get -o yaml'],
  ['where are the logs', 'logs'],
  ['what does port-forward do?', 'port-forward'],
  ['how do I add a label', 'labels'],
  ['explain label selectors', 'label selectors'],
  ['how to schedule a pod on a gpu node', 'node labels and nodeSelector'],
  ['what are annotations for?', 'annotations'],
  ['how to delete all pods', 'deleting pods'],
  ['kubectl run vs yaml?', 'kubectl run'],
];

describe('plain questions answered from the glossary', () => {
  it.each(QUESTIONS)('GIVEN "%s" THEN the answer is about %s', (question, concept) => {
    expect(conceptOf(question)?.id).toBe(concept);
  });

  it('GIVEN the list THEN it has at least 20 Korean and 20 English questions, and every concept is asked about', () => {
    const korean = QUESTIONS.filter(([q]) => /[\uac00-\ud7a3]/.test(q));
    expect(korean.length).toBeGreaterThanOrEqual(20);
    expect(QUESTIONS.length - korean.length).toBeGreaterThanOrEqual(20);
    expect(GLOSSARY).toHaveLength(17);
    const asked = new Set(QUESTIONS.map(([, c]) => c));
    expect(GLOSSARY.map((c) => c.id).filter((id) => !asked.has(id))).toEqual([]);
  });

  it('GIVEN a question in chat THEN the answer comes in the member’s language with the quiz topic, the lab and /help', () => {
    const t = testApp(':memory:', [], { guide: true });
    t.send('learner', '/lang ko');
    const reply = t.send('learner', '사이드카가 뭐야?');
    expect(reply.ok).toBe(true);
    const text = reply.blocks.map((b) => b.text).join('\n');
    expect(text).toMatch(/^사이드카는 /);
    expect(text).toContain('`/quiz practice organizing-pods`');
    expect(text).toContain('`/lab start sidecar`');
    expect(text).toContain('`/help`');
  });

  it('GIVEN "help" THEN a short pointer to what the bot does and /help', () => {
    expect(testApp(':memory:', [], { guide: true }).say('learner', 'help')).toContain(
      '`/help` lists every command',
    );
  });

  it('GIVEN chat that names no concept THEN it is still "I did not understand"', () => {
    const reply = testApp(':memory:', [], { guide: true }).send('learner', 'thanks, see you tomorrow');
    expect(reply.ok).toBe(false);
    expect(reply.blocks[0]?.text).toMatch(/^I did not understand/);
  });

  it('GIVEN every concept THEN its quiz topic and lab exist', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const topics = readdirSync('quizzes')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    const labs = readdirSync('quizzes/labs')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => /^id: (\S+)$/m.exec(readFileSync(`quizzes/labs/${f}`, 'utf8'))?.[1]);
    for (const concept of GLOSSARY) {
      expect(topics, concept.id).toContain(concept.topic);
      if (concept.lab !== null) expect(labs, concept.id).toContain(concept.lab);
    }
  });
});
