import test from 'ava';
import { createRng } from '../../harness/src/random.js';
import { dilate, metalPhantom, tissueMask } from '../ct/index.js';

const SPEC = { size: 32, tissue: 0.04, metalAttenuation: 3, metalRadius: 2 };

test('the same seed gives the same phantom; another seed moves the metal', (t) => {
  const a = metalPhantom(SPEC, createRng(1));
  const b = metalPhantom(SPEC, createRng(1));
  const c = metalPhantom(SPEC, createRng(2));
  t.deepEqual(a.image, b.image);
  t.notDeepEqual(a.metal, c.metal);
});

test('the metal disc has the requested attenuation and area, and lies inside the body', (t) => {
  for (let seed = 0; seed < 10; seed++) {
    const p = metalPhantom(SPEC, createRng(seed));
    const total = p.image.reduce((s, v) => s + v, 0);
    t.true(Math.max(...p.image) <= 3 + 1e-12 && Math.max(...p.image) > 2.5, 'a pixel in the disc is (nearly) all metal');
    // Metal mass ≈ π R² · 3 plus tissue (≤ 0.06 per pixel over the body).
    const metalMass = Math.PI * 4 * 3;
    t.true(total > metalMass && total < metalMass + 0.06 * 1024, `total ${total}`);
    p.metalMask.forEach((m, i) => { if (m) t.is(p.bodyMask[i], 1, `metal pixel ${i} outside the body`); });
  }
});

test('the tissue mask keeps body pixels at least 2 pixels from metal', (t) => {
  const p = metalPhantom(SPEC, createRng(4));
  const mask = tissueMask(p, 2);
  const near = dilate(p.metalMask, 32, 2);
  let kept = 0;
  mask.forEach((m, i) => {
    if (!m) return;
    kept++;
    t.is(near[i], 0);
    t.is(p.bodyMask[i], 1);
    t.true(p.image[i] < 0.1, 'no metal value in the tissue region');
  });
  t.true(kept > 250, `kept ${kept} tissue pixels`);
});

test('dilation by radius r reaches exactly the pixels within distance r', (t) => {
  const mask = new Uint8Array(9 * 9);
  mask[4 * 9 + 4] = 1;
  const d = dilate(mask, 9, 2);
  t.is(d.reduce((s, v) => s + v, 0), 13); // the lattice points of a radius-2 disc
});
