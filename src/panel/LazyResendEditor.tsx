// The "Edit and resend" form and its JSON checker load when the user first opens it (or once the
// panel is idle), not with the panel.
import { lazyComponent } from '../ui/lazy';

const lazy = lazyComponent(() => import('./ResendEditor').then((m) => m.ResendEditor));

export const LazyResendEditor = lazy.View;
export const preloadResendEditor = lazy.preload;
