// The check result view pulls in the decoder and diagnosis; load it only when a check is made,
// so the popup opens with less code.
import type { ComponentProps, FunctionComponent } from 'preact';
import type { CheckResultView as View } from './CheckResultView';
import { lazyComponent } from './lazy';

type Props = ComponentProps<typeof View>;
const lazy = lazyComponent<Props>(() => import('./CheckResultView').then((m) => m.CheckResultView as FunctionComponent<Props>));

export const LazyCheckResult = lazy.View;
/** Start loading early (on the click), so the view is ready when the answer comes. */
export const preloadCheckResult = lazy.preload;
