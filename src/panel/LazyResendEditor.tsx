// The "Edit and resend" form and its JSON checker load when the user first opens it (or once the
// panel is idle), not with the panel.
import type { ComponentProps, FunctionComponent } from 'preact';
import type { ResendEditor } from './ResendEditor';
import { lazyComponent } from '../ui/lazy';

type Props = ComponentProps<typeof ResendEditor>;
const lazy = lazyComponent<Props>(() => import('./ResendEditor').then((m) => m.ResendEditor as FunctionComponent<Props>));

export const LazyResendEditor = lazy.View;
export const preloadResendEditor = lazy.preload;
