import type { ApiError, DesktopBridge, DispatchResult, Input, MethodName, Output } from '../../../core/api';

/** The preload's bridge in the desktop app (absent in a plain browser). */
declare global {
  interface Window {
    rathaus?: DesktopBridge;
  }
}

/** A failed API call; `message` is German and meant for the user. */
export class ApiCallError extends Error implements ApiError {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

type Transport = (name: string, input: unknown) => Promise<DispatchResult>;

const TOKEN_KEY = 'rathaus-token';

/** Browser mode: the token arrives once in the URL fragment and is kept for the tab. */
export function browserToken(): string {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = browserToken();
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rathaus-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Keine Verbindung zu Rathausbüro. Läuft der Server noch?' },
      };
    }
    const body = (await response.json().catch(() => null)) as { data?: unknown; error?: ApiError } | null;
    if (response.ok && body && 'data' in body) return { ok: true, data: body.data };
    return {
      ok: false,
      error: body?.error ?? { code: 'INTERNAL', message: `Unerwartete Antwort des Servers (HTTP ${response.status}).` },
    };
  };
}

const transport: Transport = window.rathaus
  ? (name, input) => window.rathaus!.invoke(name, input)
  : httpTransport();

/** Calls one API method; resolves with its typed result or throws an ApiCallError. */
export async function api<N extends MethodName>(name: N, input?: Input<N>): Promise<Output<N>> {
  const result = await transport(name, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, result.error.details);
  return result.data as Output<N>;
}

export const isDesktop = (): boolean => Boolean(window.rathaus);
