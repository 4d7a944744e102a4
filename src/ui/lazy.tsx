// A component whose code is loaded on first use, so a page opens with less JavaScript. Preact's
// own lazy()/Suspense live in preact/compat, which would cost more than the code it defers.
import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';

export interface Lazy<P> {
  /** Renders nothing until the code is in, then the component. */
  View: FunctionComponent<P>;
  /** Starts loading now (on a click, when idle) so the view is ready when it is needed. */
  preload: () => Promise<FunctionComponent<P>>;
}

export function lazyComponent<P extends object>(load: () => Promise<FunctionComponent<P>>): Lazy<P> {
  let loading: Promise<FunctionComponent<P>> | null = null;
  let loaded: FunctionComponent<P> | null = null;
  const preload = () =>
    (loading ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  function View(props: P) {
    const [Component, setComponent] = useState<FunctionComponent<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let live = true;
      preload().then(
        (c) => live && setComponent(() => c),
        // A chunk that fails to load (extension updated under an open page) leaves the view out;
        // the rest of the page still works, and the console says why.
        (e: unknown) => console.warn('could not load a part of the page', e),
      );
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  }
  return { View, preload };
}
