import { describe, expect, it } from 'vitest';
import { manifestOf } from '../../src/chat/manifest-of.ts';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';

describe('the manifest a message holds', () => {
  it.each([
    ['a fenced block with a tag', `try this:\n\`\`\`yaml\n${POD}\`\`\`\nthanks`, POD],
    ['a fenced block without a tag', `\`\`\`\n${POD}\`\`\``, POD],
    ['the first of two blocks', `\`\`\`\n${POD}\`\`\`\nand\n\`\`\`\nkind: Node\n\`\`\``, POD],
    ['YAML pasted without a fence', POD.trimEnd(), POD],
    ['CRLF line ends', POD.replaceAll('\n', '\r\n'), POD],
  ])('GIVEN %s THEN the manifest is found', (_name, text, want) => {
    expect(manifestOf(text)).toBe(want);
  });

  it.each([
    ['plain chat', 'kubectl get po shows nothing, why?'],
    ['an empty block', '```\n```'],
    ['an unclosed fence', `\`\`\`yaml\n${POD}`],
    ['apiVersion in the middle of a sentence', 'what is apiVersion: v1 for?'],
  ])('GIVEN %s THEN there is none', (_name, text) => {
    expect(manifestOf(text)).toBeNull();
  });
});
