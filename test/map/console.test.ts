import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { STYLE } from '../../src/map/style.ts';
import { runConsole, tempDbPath } from '../helpers/console.ts';

describe('console: /sandbox map', () => {
  it('GIVEN a pod WHEN /sandbox map in the real console THEN the JSON line lists the PNG written beside the database', () => {
    const db = tempDbPath('podium-map-');
    const { lines, status } = runConsole(
      'kubectl run kubia --image=luksa/kubia --port=8080\n/sandbox map\n',
      ['--user', 'alice', '--db', db],
    );
    expect(status).toBe(0);
    const files = lines[1]?.files ?? [];
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toBe('sandbox-map.png');
    expect(files[0]?.content).toBeUndefined();
    expect(dirname(files[0]?.path ?? '')).toBe(`${dirname(db)}/files`);
    expect(PNG.sync.read(readFileSync(files[0]?.path ?? '')).width).toBe(STYLE.width);
  });
});
