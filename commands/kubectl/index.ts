import type { KubectlVerb } from '../../src/kubectl/verb.ts';
import { annotate } from './annotate.ts';
import { apiResources } from './api-resources.ts';
import { apiVersions } from './api-versions.ts';
import { apply } from './apply.ts';
import { create } from './create.ts';
import { del } from './delete.ts';
import { describe } from './describe.ts';
import { events } from './events.ts';
import { exec } from './exec.ts';
import { explain } from './explain.ts';
import { get } from './get.ts';
import { label } from './label.ts';
import { logs } from './logs.ts';
import { patch } from './patch.ts';
import { portForward } from './port-forward.ts';
import { replace } from './replace.ts';
import { run } from './run.ts';
import { set } from './set.ts';
import { top } from './top.ts';
import { version } from './version.ts';
import { wait } from './wait.ts';

/** Every kubectl verb the sandbox answers, listed explicitly (a test checks nothing is missing). */
export const KUBECTL_VERBS: readonly KubectlVerb[] = [
  run,
  get,
  describe,
  events,
  del,
  explain,
  apiResources,
  apiVersions,
  version,
  label,
  annotate,
  patch,
  set,
  exec,
  logs,
  portForward,
  wait,
  top,
  create,
  apply,
  replace,
];
