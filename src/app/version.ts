/** The app's version (package.json), written into every export's manifest. */
import { version } from '../../package.json';

export const APP_VERSION: string = version;
