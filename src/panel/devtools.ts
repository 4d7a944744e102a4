// The DevTools page only registers the panel; all work happens in the panel page.
import { createPanel } from '../platform/devtools';
import { t } from '../shared/i18n';

void createPanel(t('panelTitle') || 'MaiAgent', '/icons/icon-32.png', '/src/panel/panel.html');
