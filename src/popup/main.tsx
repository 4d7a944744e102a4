import { render } from 'preact';
import '../ui/theme.css';
import '../ui/controls.css';
import './popup.css';
import { Popup } from './Popup';
import { startLoading } from '../ui/useAppState';

startLoading();
document.documentElement.lang = navigator.language;
render(<Popup />, document.getElementById('app')!);
