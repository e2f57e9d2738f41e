import test from 'ava';
import { claim, valueInBand } from '../../src/claims/index.js';

const ok = { id: 'a-claim', quote: 'a sentence of the paper', why: 'from theory', check: valueInBand('x').within({ le: 1 }), control: { params: { n: 1 }, why: 'wrong regime' } };

test('a complete claim is accepted', (t) => {
  t.is(claim(ok).id, 'a-claim');
});

for (const [what, broken, message] of [
  ['no quote', { ...ok, quote: '' }, /'quote' is required/],
  ['no why', { ...ok, why: undefined }, /'why' is required/],
  ['no check', { ...ok, check: undefined }, /'check' must be a claim kind/],
  ['no control', { ...ok, control: undefined }, /negative 'control' is required/],
  ['a control without why', { ...ok, control: { params: { n: 1 } } }, /control.why is required/],
  ['a bad id', { ...ok, id: 'Bad Id' }, /id must be lower-case/],
] as const) {
  test(`a claim with ${what} is rejected at load time`, (t) => {
    t.throws(() => claim(broken as never), { message });
  });
}
