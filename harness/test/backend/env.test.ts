import test from 'ava';
import { BACKEND_ENV, forcedBackend } from '../../src/backend/env.js';

test('unset or empty REPRO_BACKEND forces nothing', (t) => {
  t.is(forcedBackend({}), null);
  t.is(forcedBackend({ [BACKEND_ENV]: '' }), null);
  t.is(forcedBackend({ [BACKEND_ENV]: '  ' }), null);
});

test('REPRO_BACKEND accepts native-gpu, webgpu, native, wasm and cpu (case and spaces ignored)', (t) => {
  t.is(forcedBackend({ [BACKEND_ENV]: 'native-gpu' }), 'native-gpu');
  t.is(forcedBackend({ [BACKEND_ENV]: 'WebGPU' }), 'webgpu');
  t.is(forcedBackend({ [BACKEND_ENV]: 'native' }), 'native');
  t.is(forcedBackend({ [BACKEND_ENV]: 'wasm' }), 'wasm');
  t.is(forcedBackend({ [BACKEND_ENV]: ' CPU ' }), 'cpu');
});

test('an invalid REPRO_BACKEND names the variable, the value and the allowed values', (t) => {
  const err = t.throws(() => forcedBackend({ [BACKEND_ENV]: 'gpu' }));
  t.regex(err!.message, /REPRO_BACKEND/);
  t.regex(err!.message, /"gpu"/);
  t.regex(err!.message, /native-gpu, webgpu, native, wasm, cpu/);
});
