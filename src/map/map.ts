import type { Reply } from '../chat/reply.ts';
import type { Cluster } from '../cluster/model.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import type { MapRequest } from './args.ts';
import { layoutMap } from './layout.ts';
import { svgToPng } from './png.ts';
import { sceneSvg } from './svg.ts';
import { mapText } from './text.ts';
import { type MapView, mapView } from './view.ts';

/**
 * `/sandbox map` as a Reply: a caption and the PNG (public, like kubectl's output: the map is for
 * showing the study group), or the text tree with `--text` or when drawing fails. Read-only: it changes nothing.
 */
export function mapReply(
  cluster: Cluster,
  request: MapRequest,
  lang: Lang,
  draw = drawMap,
  /** A teammate's shared sandbox (`--context`): the caption says whose it is. */
  owner: string | null = null,
): Reply {
  const view = mapView(cluster, request);
  if (request.text) return treeReply(view, lang, []);
  const png = draw(view, lang);
  if (!png.ok) return treeReply(view, lang, [t(lang, 'map.renderFailed')]);
  const scope =
    view.namespace === null
      ? t(lang, 'map.scope.all')
      : t(lang, 'map.scope.namespace', { namespace: view.namespace });
  return {
    ok: true,
    blocks: [
      {
        kind: 'text',
        text:
          owner === null
            ? t(lang, 'map.caption', { pods: view.pods.length, nodes: view.nodes.length, scope })
            : t(lang, 'perf.map.captionOf', {
                name: owner,
                pods: view.pods.length,
                nodes: view.nodes.length,
                scope,
              }),
      },
    ],
    choices: [],
    visibility: 'public',
    files: [{ name: 'sandbox-map.png', contentType: 'image/png', data: png.value }],
  };
}

/** The picture's SVG as the golden files hold it (text as `<text>`), from the same layout. */
export const mapSvg = (view: MapView, lang: Lang): string => sceneSvg(layoutMap(view, lang), 'text');

export function drawMap(view: MapView, lang: Lang) {
  try {
    return svgToPng(sceneSvg(layoutMap(view, lang), 'glyphs'));
  } catch (error) {
    return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
  }
}

function treeReply(view: MapView, lang: Lang, notes: string[]): Reply {
  return {
    ok: true,
    blocks: [
      ...notes.map((text) => ({ kind: 'text' as const, text })),
      { kind: 'code', text: mapText(view, lang) },
    ],
    choices: [],
    visibility: 'public',
  };
}
