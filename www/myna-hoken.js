// <myna-hoken>: the element's entry point. It defines the element (the class
// is in element/myna-hoken-element.js), hands it the JS API module pages
// import (myna-hoken-api.js, a separate file beside this one), and tells it
// where its stylesheet is: myna-hoken.css beside this file, loaded inside the
// element's shadow root, and the picture of the card (card-face.svg). Written as
// new URL(…, import.meta.url) so that bundlers (Vite) copy both.
import * as API from './myna-hoken-api.js';
import { use } from './element/engine.js';
import { MynaHoken } from './element/myna-hoken-element.js';

use(API);
MynaHoken.stylesheet = new URL('./myna-hoken.css', import.meta.url).href;
MynaHoken.cardFace = new URL('./card-face.svg', import.meta.url).href;
if (!customElements.get('myna-hoken')) customElements.define('myna-hoken', MynaHoken);

export { MynaHoken };
