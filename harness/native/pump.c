/*
 * pump.node: one non-blocking turn of Node's event loop (libuv's uv_run with UV_RUN_NOWAIT),
 * callable from JavaScript. The webgpu backend needs it for synchronous reads (dataSync): Dawn's
 * Node binding completes a buffer mapping only from a callback on the event loop, and tfjs's own
 * synchronous read path needs OffscreenCanvas, which Node lacks. Calling uv_run from inside a
 * running loop is what the `deasync` package does; here it is used for exactly one wait: a GPU
 * buffer mapping, in a loop that stops as soon as the buffer reports 'mapped'.
 */
#include <node_api.h>
#include <uv.h>

static napi_value turn(napi_env env, napi_callback_info info) {
  (void)info;
  uv_loop_t *loop = NULL;
  napi_value result;
  if (napi_get_uv_event_loop(env, &loop) != napi_ok || loop == NULL) {
    napi_throw_error(env, NULL, "pump.node: napi_get_uv_event_loop failed");
    return NULL;
  }
  int alive = uv_run(loop, UV_RUN_NOWAIT);
  napi_get_boolean(env, alive != 0, &result);
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "turn", NAPI_AUTO_LENGTH, turn, NULL, &fn);
  napi_set_named_property(env, exports, "turn", fn);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
