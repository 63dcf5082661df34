// Debian trixie's WordPress 6.8: the kit loads through the script-modules API.
import { describeWordPress } from './suite.js';
import { trixie } from './releases.js';

describeWordPress(trixie, /^6\.8\.\d+$/);
