// zhuchuang widgets loader: the one script a page includes.
//   <script type="module" src="/path/to/zc-widgets.js"></script>
// It loads the wasm next to it and defines every <zc-…> element. It works under
// a strict CSP (script-src 'self' 'wasm-unsafe-eval') and makes no other request.
import init from './zhuchuang_widgets.js';

await init({ module_or_path: new URL('./zhuchuang_widgets_bg.wasm', import.meta.url) });
