import { BRIDGE_REQUEST, BRIDGE_RESULT, type BridgeResult, TARGET_ATTR } from './bridge';

/** The isolated-world half of insertion: ask the page-world bridge to insert into one editor element. */
export function requestInsert(editable: HTMLElement, text: string, timeoutMs = 4000): Promise<BridgeResult> {
  const nonce = crypto.randomUUID();
  editable.setAttribute(TARGET_ATTR, nonce);
  return new Promise<BridgeResult>((resolve) => {
    const done = (result: BridgeResult): void => {
      document.removeEventListener(BRIDGE_RESULT, onResult);
      clearTimeout(timer);
      editable.removeAttribute(TARGET_ATTR);
      resolve(result);
    };
    const onResult = (event: Event): void => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string') return;
      try {
        const r = JSON.parse(detail) as BridgeResult;
        if (r.nonce === nonce) done({ ...r, ok: r.ok === true });
      } catch {
        // Not ours.
      }
    };
    const timer = setTimeout(
      () =>
        done({ nonce, ok: false, strategy: null, changedWrongly: false, error: 'no answer from the page' }),
      timeoutMs,
    );
    document.addEventListener(BRIDGE_RESULT, onResult);
    document.dispatchEvent(new CustomEvent(BRIDGE_REQUEST, { detail: JSON.stringify({ nonce, text }) }));
  });
}
