// The DevTools page only registers the panel; all work happens in the panel page.
import browser from 'webextension-polyfill';

void browser.devtools.panels.create(browser.i18n.getMessage('panelTitle') || 'MaiAgent', '/icons/icon-32.png', '/src/panel/panel.html');
