import path from 'node:path';
import type { DispatchResult } from '../../core/api';
import { startBridge } from '../../cli/http-bridge';
import type { App } from '../../core/app/open-app';

export type Caller = (method: string, input: unknown) => Promise<DispatchResult>;

/**
 * The HTTP door on an app of a test: a bridge on a free port and a caller that posts JSON to it
 * and answers like `dispatch` (`{ ok, data }` or `{ ok, error }`), with the HTTP status beside.
 */
export async function bridgeCaller(app: App & { dataDir: string }, token = 'test-token-123') {
  const bridge = await startBridge({ handlers: app.handlers, changes: app.changes, token, staticDir: path.join(app.dataDir, 'no-ui') });
  const post = async (method: string, input: unknown): Promise<DispatchResult & { status: number }> => {
    const response = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rathaus-token': token },
      body: JSON.stringify(input) ?? '',
    });
    const body = (await response.json()) as { data?: unknown; error?: Extract<DispatchResult, { ok: false }>['error'] };
    return body.error ? { ok: false, error: body.error, status: response.status } : { ok: true, data: body.data, status: response.status };
  };
  const caller: Caller = async (method, input) => {
    const { status: _status, ...result } = await post(method, input);
    return result as DispatchResult;
  };
  return { bridge, caller, post, close: bridge.close };
}
