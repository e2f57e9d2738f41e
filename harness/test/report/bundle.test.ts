import test from 'ava';
import vm from 'node:vm';
import { expressionInterpreter } from 'vega-interpreter';
import { intervalChart, seriesChart } from '../../src/charts/index.js';
import { ENHANCE_SCRIPT } from '../../src/report/assets.js';
import { vegaBundle } from '../../src/report/index.js';

let bundle: string;
test.before(async () => {
  bundle = await vegaBundle();
});

/** A browser-like global with code generation from strings disabled, as under a CSP without 'unsafe-eval'. */
function cspContext(): vm.Context {
  const ctx = vm.createContext(
    { console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone, TextEncoder, TextDecoder, URL },
    { codeGeneration: { strings: false, wasm: false } },
  );
  vm.runInContext('var window = globalThis; var self = globalThis;', ctx);
  return ctx;
}

test('the bundle defines vega, vegaLite and vegaEmbed globals', (t) => {
  const ctx = cspContext();
  vm.runInContext(bundle, ctx, { filename: 'vega-bundle.js' });
  t.is(typeof ctx.vega?.View, 'function');
  t.is(typeof ctx.vegaLite?.compile, 'function');
  t.is(typeof ctx.vegaEmbed, 'function');
  t.is(ctx.vega.version, '6.4.0');
  t.is(ctx.vegaLite.version, '6.4.3');
  t.true(bundle.endsWith(ENHANCE_SCRIPT));
});

test('charts render inside the bundle without eval when expressions are interpreted (ast: true)', async (t) => {
  const ctx = cspContext();
  vm.runInContext(bundle, ctx, { filename: 'vega-bundle.js' });
  t.throws(() => vm.runInContext('new Function("return 1")()', ctx), { message: /Code generation from strings disallowed/ });
  const specs = [
    seriesChart({ title: 't', xTitle: 'x', yTitle: 'y', points: [{ x: 1, y: 2 }, { x: 10, y: 30 }], mark: 'line', xLog: true, yLog: true, band: { lo: 1, hi: 5, label: 'b' }, xWindow: [1, 5] }),
    intervalChart({ title: 't', yTitle: 'r', items: [{ label: 'a', value: 1, lo: 0.5, hi: 2 }], band: { lo: 0.8, label: '≥ 0.8' } }),
  ];
  for (const spec of specs) {
    ctx.spec = JSON.parse(JSON.stringify(spec));
    ctx.interpreter = expressionInterpreter;
    const svg = await vm.runInContext(
      `(async () => {
        const vg = vegaLite.compile(spec).spec;
        const view = new vega.View(vega.parse(vg, null, { ast: true }), { renderer: 'none', expr: interpreter });
        const svg = await view.toSVG();
        view.finalize();
        return svg;
      })()`,
      ctx,
    );
    t.regex(svg as string, /role-mark/);
  }
  // Without the interpreter, vega would need eval: the enhancer must pass ast: true.
  t.regex(ENHANCE_SCRIPT, /ast: true/);
  t.regex(ENHANCE_SCRIPT, /actions: false/);
});

test('the enhancer does nothing without vegaEmbed or a DOM', (t) => {
  const ctx = cspContext();
  t.notThrows(() => vm.runInContext(ENHANCE_SCRIPT, ctx));
});

test('the enhancer swaps static SVG for the live view only when embedding succeeds', async (t) => {
  const makeFigure = (json: string) => {
    // The drawn SVG, which the enhancer labels with the figure's text alternative.
    const drawn = { attrs: new Map<string, string>(), setAttribute(k: string, v: string) { this.attrs.set(k, v); } };
    const live = { hidden: true, id: 'live', drawn, querySelector: (sel: string) => (sel === 'svg' ? drawn : null) };
    const still = { hidden: false };
    const source = { textContent: json };
    const classes = new Set<string>();
    return {
      live,
      still,
      classes,
      querySelector(sel: string) {
        if (sel === 'script[type="application/json"]') return source;
        if (sel === '.chart-live') return live;
        if (sel === '.chart-static') return still;
        return null;
      },
      classList: { add: (c: string) => classes.add(c) },
      getAttribute: (name: string) => (name === 'data-alt' ? 'Chart: a test' : null),
    };
  };
  const ok = makeFigure('{"mark":"point","title":"ok"}');
  const failing = makeFigure('{"mark":"point","title":"fails"}');
  const broken = makeFigure('{ not json');
  const calls: { spec: { title: string }; opts: Record<string, any> }[] = [];
  const vegaEmbed = (el: unknown, spec: { title: string }, opts: Record<string, any>) => {
    calls.push({ spec, opts });
    return spec.title === 'ok' ? Promise.resolve({}) : Promise.reject(new Error('boom'));
  };
  const { loader } = await import('vega');
  (vegaEmbed as unknown as { vega: unknown }).vega = { loader };
  const ctx = vm.createContext({
    Promise,
    document: { querySelectorAll: () => [ok, failing, broken] },
    console: { warn: () => undefined },
  });
  vm.runInContext('var window = globalThis;', ctx);
  ctx.vegaEmbed = vegaEmbed;
  vm.runInContext(ENHANCE_SCRIPT, ctx);
  await new Promise((r) => setTimeout(r, 20));
  t.is(calls.length, 2, 'unparseable specs are skipped');
  t.false(ok.live.hidden);
  t.true(ok.still.hidden);
  t.true(ok.classes.has('is-live'));
  t.is(ok.live.drawn.attrs.get('aria-label'), 'Chart: a test', 'the live SVG carries the text alternative');
  t.true(failing.live.hidden, 'a failed embed leaves the static SVG');
  t.false(failing.still.hidden);
  const opts = calls[0].opts;
  t.is(opts.ast, true);
  t.is(opts.actions, false);
  t.is(opts.mode, 'vega-lite');
  await t.throwsAsync(opts.loader.load('https://example.org/data.json'), { message: /offline report/ });
  await t.throwsAsync(opts.loader.sanitize('https://example.org/x.png', { context: 'image' }));
  t.deepEqual(await opts.loader.sanitize('data:image/png;base64,AAAA', { context: 'image' }), { href: 'data:image/png;base64,AAAA' });
});
