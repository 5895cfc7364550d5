import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubectl133 } from './oracle.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * Issue 15, output formats: `-o jsonpath|jsonpath-as-json|go-template=…` of one pod, printed by
 * the real kubectl v1.33 (offline: `label --local -f POD.json` prints through the same template
 * printers as `get`) and by Podium's `get po NAME -o …` on the same object. Outputs and error
 * texts must be equal byte for byte (both sides print the object given to the engine).
 * Lists (`{.items[*]}`), custom-columns, --sort-by and --field-selector need a server: they are
 * checked against kubectl's rules in the cases below instead.
 * Known differences: none in these printers between v1.33 and v1.34.
 */
const KUBECTL = kubectl133();

const TEMPLATES = [
  'jsonpath={.metadata.name}',
  'jsonpath={.spec.containers[*].name}',
  'jsonpath={range .spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}',
  'jsonpath={.spec.containers[?(@.name=="side")].image}',
  'jsonpath={.spec.containers[0].ports[?(@.containerPort==8080)].protocol}',
  'jsonpath={.spec.containers[-1:].name}',
  'jsonpath={.spec.containers[0,1].name}',
  "jsonpath={.metadata['name','labels']}",
  'jsonpath={.metadata.labels}',
  'jsonpath={.metadata.labels.app}',
  'jsonpath={.spec.containers[0].ports}',
  'jsonpath={@.kind} {$.apiVersion}',
  'jsonpath=x{.kind}y',
  'jsonpath={.spec..containerPort}',
  'jsonpath={.nosuch}',
  'jsonpath={.spec.containers[?(@.ports)].name}',
  'jsonpath={.status.containerStatuses[0].ready}',
  'jsonpath={.spec.terminationGracePeriodSeconds}',
  'jsonpath={.status.conditions[?(@.type=="Ready")].status}',
  'jsonpath-as-json={.spec.containers[*].name}',
  'jsonpath={.spec.containers[5]}',
  'jsonpath={end}',
  'jsonpath={.spec.containers[?(@.name==side)].image}',
  'jsonpath={.items[',
  'jsonpath={.metadata.name',
  'jsonpath={.a[?(@.x=="y")}',
  'jsonpath={.a#}',
  'jsonpath={.spec.containers[1:0]}',
  'jsonpath={.spec.containers[::0]}',
  'jsonpath=',
  'go-template={{.metadata.name}}',
  'go-template={{range .spec.containers}}{{.name}}{{"\\n"}}{{end}}',
  'go-template={{index .metadata.labels "app"}}',
  'go-template={{.metadata.labels}}',
  'go-template={{.spec.containers}}',
  'go-template={{.nosuch}}',
  'go-template={{.nosuch.x}}',
  'go-template={{range $i, $c := .spec.containers}}{{$i}}={{$c.name}};{{end}}',
  'go-template={{if .metadata.labels.app}}yes{{else}}no{{end}}',
  'go-template={{len .spec.containers}}',
  'go-template={{printf "%s-%v" .metadata.name .spec.terminationGracePeriodSeconds}}',
  'go-template={{(index .spec.containers 0).image}}',
  'go-template={{.spec.containers | len}}',
  'go-template={{- .kind -}} x',
  'go-template={{/* a comment */}}ok',
  'go-template={{with .metadata}}{{.name}}{{end}}',
  'go-template={{index .metadata.labels "nope"}}',
  'go-template={{exists .metadata "labels"}}',
  'template={{.kind}}',
  'go-template={{foo .x}}',
  'go-template={{.kind}',
  'go-template={{end}}',
  'go-template={{range .spec.containers}}',
  'go-template={{.kind}}{{if}}',
  'go-template={{"abc}}',
  'go-template={{ .spec.containers[0] }}',
  'go-template={{.spec.containers.0.ports}}',
  'go-template={{index .spec.containers 5}}',
  'go-template={{.spec.containers.name}}',
  'go-template={{range $c := .spec.containers}}{{$c.name.x}}{{end}}',
  'go-template={{$nope}}',
  'go-template={{$x := .kind}}{{$x}}{{$.kind}}',
  'go-template={{with $m := .metadata}}{{$m.name}}{{end}}{{$m}}',
  'go-template={{range $i, $c := .spec.containers}}{{$i}}{{end}}{{$c}}',
  'go-template={{if $k := .kind}}{{$k}}{{else}}{{$k}}{{end}}',
  'go-template=',
];

/** The same printers with `--allow-missing-template-keys=false`: a missing key is an error. */
const STRICT_TEMPLATES = [
  'go-template={{.nosuch}}',
  'go-template=x{{.metadata.name}}{{.metadata.nosuch.x}}',
  'go-template={{if .nosuch}}y{{end}}',
  'go-template={{range .nosuch}}x{{end}}',
  'go-template={{with $m := .metadata}}{{$m.nosuch}}{{end}}',
  'go-template={{$.nosuch}}',
  'go-template={{index .metadata.labels "nope"}}',
  'go-template={{.metadata.name}}',
  'go-template={{.metadata.name.x}}',
  'template={{.kind}}{{.nosuch}}',
  'jsonpath={.nosuch}',
  'jsonpath={.metadata.name}{.nosuch}',
  'jsonpath={.spec.containers[*].nosuch}',
  'jsonpath={range .spec.containers[*]}{.name}{.nosuch}{end}',
  'jsonpath={range .spec.nosuch[*]}{.name}{end}',
  'jsonpath={.spec.containers[?(@.nosuch)].name}',
  'jsonpath={.spec.containers[0].name}',
  'jsonpath-as-json={.metadata.nosuch}',
];

describe.skipIf(KUBECTL === null)('template printers against kubectl v1.33 (label --local -f)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podium-output-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const box = verbSandbox();
  box.kubectl('run kubia --image=luksa/kubia --port=8080 --labels=app=kubia,env=prod');
  box.advance(60_000);
  const file = join(dir, 'kubia.json');
  writeFileSync(file, box.kubectl('get po kubia -o json').text);

  const realOn = (
    path: string,
    output: string,
    ...flags: string[]
  ): Promise<{ ok: boolean; stdout: string; stderr: string }> =>
    new Promise((done) => {
      execFile(
        KUBECTL ?? 'kubectl',
        ['--kubeconfig=/dev/null', 'label', '--local', '-f', path, 'nosuch-', '-o', output, ...flags],
        { encoding: 'utf8' },
        (error, stdout, stderr) => done({ ok: error === null, stdout, stderr }),
      );
    });
  const real = (output: string, ...flags: string[]) => realOn(file, output, ...flags);

  it.each(TEMPLATES)('GIVEN -o %s THEN Podium prints what kubectl prints', async (output) => {
    const want = await real(output);
    const got = box.kubectl(`get po kubia -o '${output.replaceAll("'", `'\\''`)}'`);
    expect(got.ok).toBe(want.ok);
    const expected = (want.stdout + want.stderr).trimEnd();
    expect(got.text.trimEnd()).toBe(expected);
  });

  it.each(STRICT_TEMPLATES)(
    'GIVEN -o %s --allow-missing-template-keys=false THEN Podium prints what kubectl prints',
    async (output) => {
      const strict = '--allow-missing-template-keys=false';
      const want = await real(output, strict);
      const got = box.kubectl(`get po kubia -o '${output.replaceAll("'", `'\\''`)}' ${strict}`);
      expect(got.ok).toBe(want.ok);
      expect(got.text.trimEnd()).toBe((want.stdout + want.stderr).trimEnd());
    },
  );

  it('GIVEN an annotation with <, > and & WHEN a go-template fails THEN its raw data is encoding/json’s, HTML-escaped', async () => {
    box.kubectl("run html --image=nginx --annotations=note='<b>&x'");
    const html = join(dir, 'html.json');
    writeFileSync(html, box.kubectl('get po html -o json').text);
    const output = 'go-template={{.metadata.name.x}}';
    const want = await realOn(html, output);
    expect(want.stdout).toContain('\\u003cb\\u003e\\u0026x');
    const got = box.kubectl(`get po html -o '${output}'`);
    expect(got.text.trimEnd()).toBe((want.stdout + want.stderr).trimEnd());
  });
});

describe('list printers (get needs a server: expectations from kubectl rules)', () => {
  const box = verbSandbox();
  box.kubectl('run kubia --image=luksa/kubia --port=8080 --labels=app=kubia');
  box.advance(30_000);
  box.kubectl('run web --image=nginx --labels=app=web');
  box.advance(30_000);

  it('GIVEN two pods WHEN -o jsonpath over .items THEN names space-separated, ranges per line', () => {
    expect(box.kubectl('get po -o jsonpath={.items[*].metadata.name}').text).toBe('kubia web');
    expect(
      box.kubectl(`get po -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}'`)
        .text,
    ).toBe('kubia\tnode03\nweb\tnode01\n');
    expect(
      box.kubectl(`get po -o jsonpath='{.items[?(@.metadata.labels.app=="web")].metadata.name}'`).text,
    ).toBe('web');
    expect(
      box.kubectl(`get po -o 'go-template={{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`).text,
    ).toBe('kubia\nweb\n');
  });

  it('GIVEN -o custom-columns THEN a table with <none> for missing values, and kubectl errors for bad specs', () => {
    expect(
      box.kubectl(
        'get po -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,IP:{.status.hostIPx}',
      ).text,
    ).toBe(
      ['NAME    IMAGE         IP', 'kubia   luksa/kubia   <none>', 'web     nginx         <none>'].join('\n'),
    );
    expect(box.kubectl('get po --no-headers -o custom-columns=N:metadata.name').text).toBe('kubia\nweb');
    expect(box.kubectl('get po -o custom-columns=NAME').text).toBe(
      'error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>',
    );
    expect(box.kubectl('get po -o custom-columns=').text).toBe(
      'error: custom-columns format specified but no custom columns given',
    );
    expect(box.kubectl('get po -o custom-columns=A:{.a}{.b}').text).toBe(
      "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });

  it('GIVEN --sort-by THEN rows follow the field, numbers numerically; a field no object has is an error for a List, and prints no Table', () => {
    expect(box.kubectl('get po --sort-by=.metadata.creationTimestamp -o name').text).toBe(
      'pod/kubia\npod/web',
    );
    expect(box.kubectl('get po --sort-by={.spec.nodeName} -o name').text).toBe('pod/web\npod/kubia');
    expect(box.kubectl('get po --sort-by=.metadata.name').text.split('\n')[1]).toMatch(/^kubia /);
    // kubectl 1.27, 1.30 and 1.33 against Podium's API door: the Table's sort fails quietly.
    expect(box.kubectl('get po --sort-by=.status.nosuch')).toEqual({
      text: 'No resources found in default namespace.',
      ok: true,
    });
    expect(box.kubectl('get po --sort-by={.status.nosuch -o wide').text).toBe(
      'No resources found in default namespace.',
    );
    for (const listed of ['-o name', '--server-print=false', '-o custom-columns=N:.metadata.name'])
      expect(box.kubectl(`get po --sort-by=.status.nosuch ${listed}`)).toEqual({
        text: 'error: couldn\'t find any field with path "{.status.nosuch}" in the list of objects',
        ok: false,
      });
    // One object named: a bare object, never sorted.
    expect(box.kubectl('get po web --sort-by=.status.nosuch -o name').text).toBe('pod/web');
    expect(box.kubectl('get po web --sort-by=.status.nosuch').text).toMatch(/^NAME +READY[^\n]*\nweb /);
  });

  it('GIVEN --field-selector on pods THEN the server filters by phase, name, node and namespace, and refuses other fields', () => {
    expect(box.kubectl('get po --field-selector=metadata.name=web -o name').text).toBe('pod/web');
    expect(box.kubectl('get po --field-selector=status.phase=Running -o name').text).toBe(
      'pod/kubia\npod/web',
    );
    expect(box.kubectl('get po --field-selector=status.phase!=Running').text).toBe(
      'No resources found in default namespace.',
    );
    expect(
      box.kubectl('get po -A --field-selector=spec.nodeName=node03,metadata.namespace=default -o name').text,
    ).toBe('pod/kubia');
    expect(box.kubectl('get po --field-selector=spec.containers=x').text).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.containers=x": field label not supported: spec.containers',
    );
  });

  it('GIVEN nothing selected and --allow-missing-template-keys=false WHEN a range body names a field THEN kubectl fails on it (the empty range still walks its body once)', () => {
    const strict = '--allow-missing-template-keys=false';
    const result = box.kubectl(
      `get po -l nosuch=x -o 'jsonpath={range .items[*]}{.metadata.name}{end}' ${strict}`,
    );
    expect(result.ok).toBe(false);
    expect(result.text).toBe(
      [
        'error: error executing jsonpath "{range .items[*]}{.metadata.name}{end}": Error executing template: metadata is not found. Printing more information for debugging the template:',
        '\ttemplate was:',
        '\t\t{range .items[*]}{.metadata.name}{end}',
        '\tobject given to jsonpath engine was:',
        '\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}',
      ].join('\n'),
    );
    expect(box.kubectl(`get po -o jsonpath={.items[*].metadata.name} ${strict}`).text).toBe('kubia web');
  });

  it('GIVEN -o name and nothing selected THEN nothing is printed (printGeneric says no "No resources found")', () => {
    const result = box.kubectl('get po -l nosuch=x -o name');
    expect(result).toEqual({ text: '', ok: true });
    expect(box.kubectl('get po -l nosuch=x -o jsonpath={.items}').text).toBe('[]');
  });
});

describe('label and annotate print through the same template printers', () => {
  it('GIVEN label -o jsonpath and annotate -o go-template THEN the updated object is printed; a bad template is the printer error', () => {
    const box = verbSandbox();
    box.kubectl('run kubia --image=luksa/kubia');
    expect(box.kubectl('label po kubia env=prod -o jsonpath={.metadata.labels.env}').text).toBe('prod');
    expect(
      box.kubectl("annotate po kubia note=hi -o 'go-template={{.metadata.annotations.note}}'").text,
    ).toBe('hi');
    expect(box.kubectl('label po kubia tier=web -o jsonpath={.x[').text).toBe(
      'error: error parsing jsonpath {.x[, unterminated array',
    );
    expect(box.kubectl('label po kubia tier=web -o bogus').text).toBe(
      'error: unable to match a printer suitable for the output format "bogus", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    );
  });
});
