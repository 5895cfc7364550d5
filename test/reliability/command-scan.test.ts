import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echoesOf, firstLoop, listeningPorts } from '../../src/cluster/command-scan.ts';

/**
 * The linear scans find exactly what the planner's old backtracking patterns found (they are
 * kept here as the reference), on generated command lines built from the pieces that matter.
 */
const OLD_HTTPD = /\bhttpd\b(?=[^;&|]*\s-f\b)[^;&|]*?-p\s*(?:[\d.]+:)?(\d+)/g;
const OLD_NC = /\bnc\b[^;&|]*?-l[^;&|]*?-p\s*(\d+)/g;
const OLD_LOOP = /while\s+(?:true|:)\s*;?\s*do(.*?)done/;
const OLD_ECHO = /echo\s+("([^"]*)"|'([^']*)'|([^;&|]+))/g;

const piece = fc.constantFrom(
  'httpd',
  'nc',
  'xnc',
  '-f',
  '-fx',
  '-l',
  '-p',
  '-p8',
  '80',
  '0.0.0.0:',
  '1.2',
  ':',
  '.',
  ' ',
  '  ',
  '\t',
  '\n',
  ';',
  '&',
  '|',
  'while',
  'true',
  'do',
  'done',
  'echo',
  '"',
  "'",
  'hi',
  'sleep',
  '5',
  '\u2028',
  'a',
);
const line = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

describe('command-line scans (same answers as the old patterns)', () => {
  it('GIVEN generated command lines THEN the listening ports, the loop and the echoes are the same', () => {
    fc.assert(
      fc.property(line, (text) => {
        const ports = [...text.matchAll(OLD_HTTPD), ...text.matchAll(OLD_NC)].map((m) => Number(m[1]));
        expect(listeningPorts(text)).toEqual(ports);
        const loop = OLD_LOOP.exec(text);
        const found = firstLoop(text);
        expect(found === undefined ? null : [text.slice(found.start, found.end), found.body]).toEqual(
          loop === null ? null : [loop[0], loop[1]],
        );
        expect(loop === null || text.indexOf(loop[0]) === loop.index).toBe(true);
        const echoes = [...text.matchAll(OLD_ECHO)].map((m) => (m[2] ?? m[3] ?? m[4] ?? '').trim());
        expect(echoesOf(text)).toEqual(echoes);
      }),
      { seed: 16, numRuns: 8_000 },
    );
  });
});
