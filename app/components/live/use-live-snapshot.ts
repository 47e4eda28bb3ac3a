import { useEffect, useState } from "react";

/**
 * The figures a wall shows, starting from the server-rendered ones and replaced by every event the
 * stream sends. EventSource reconnects by itself (after `retry`), e.g. when a server drains.
 */
export function useLiveSnapshot<T>(initial: T, streamUrl: string): { snapshot: T; connected: boolean } {
  const [snapshot, setSnapshot] = useState(initial);
  const [connected, setConnected] = useState(true);
  useEffect(() => {
    const source = new EventSource(streamUrl);
    source.onmessage = (event: MessageEvent<string>) => {
      setSnapshot(JSON.parse(event.data) as T);
      setConnected(true);
    };
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    return () => source.close();
  }, [streamUrl]);
  return { snapshot, connected };
}
