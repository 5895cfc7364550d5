import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

describe('/quiz stats counts finished labs', () => {
  it('GIVEN a member who finished the annotations lab WHEN they ask for stats THEN the lab is counted', () => {
    const t = testApp();
    expect(t.say('minji', '/quiz stats')).not.toMatch(/Labs finished/);
    t.say('minji', '/lab start annotations');
    t.say(
      'minji',
      "kubectl annotate po/kubia-manual 'mycompany.com/someannotation=foo bar' mycompany.com/created-by=minji -n lab-annotations",
    );
    expect(t.say('minji', '/lab check')).toMatch(/✅/);
    expect(t.say('minji', '/quiz stats')).toContain('Labs finished: 1');
  });
});
