// The check result view pulls in the decoder and diagnosis; load it only when a check is made,
// so the popup opens with less code.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentProps, FunctionComponent } from 'preact';
import type { CheckResultView as View } from './CheckResultView';

type Props = ComponentProps<typeof View>;
let loading: Promise<FunctionComponent<Props>> | null = null;

/** Start loading early (on the click), so the view is ready when the answer comes. */
export function preloadCheckResult(): Promise<FunctionComponent<Props>> {
  loading ??= import('./CheckResultView').then((m) => m.CheckResultView as FunctionComponent<Props>);
  return loading;
}

export function LazyCheckResult(props: Props) {
  const [Component, setComponent] = useState<FunctionComponent<Props> | null>(null);
  useEffect(() => {
    let live = true;
    void preloadCheckResult().then((c) => live && setComponent(() => c));
    return () => {
      live = false;
    };
  }, []);
  return Component ? <Component {...props} /> : null;
}
