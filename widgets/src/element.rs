//! The custom-element framework every widget uses.
//!
//! A widget is a Yew component plus a tag name, the attributes it observes and a
//! function from the host element to its properties ([`Widget`]). [`register`]
//! defines the custom element: on connection it opens a shadow root, adopts the
//! shared stylesheet (a constructed `CSSStyleSheet`, so no inline `<style>` or
//! `style=""` needs a CSP exception), and mounts the component in a `<div>`
//! inside it; an attribute change re-renders with new properties; disconnection
//! destroys the app. Results leave the widget only as DOM events on the host
//! ([`Host::emit`]), composed so they cross the shadow boundary.

use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::{AppHandle, BaseComponent, Renderer};
use zhuchuang_core::Lang;

#[wasm_bindgen(inline_js = r#"
const sheets = new Map();
function sheetFor(css) {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}
export function zc_define(tag, attributes, css, mount, update, unmount) {
  if (customElements.get(tag)) return;
  customElements.define(tag, class extends HTMLElement {
    static get observedAttributes() { return attributes; }
    connectedCallback() {
      if (this._zcId !== undefined) return;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheetFor(css)];
      const mountPoint = document.createElement('div');
      mountPoint.className = 'zc-root';
      root.replaceChildren(mountPoint);
      this._zcId = mount(this, mountPoint);
    }
    attributeChangedCallback(name, oldValue, newValue) {
      if (this._zcId !== undefined && oldValue !== newValue) update(this._zcId);
    }
    disconnectedCallback() {
      if (this._zcId === undefined) return;
      unmount(this._zcId);
      this._zcId = undefined;
      if (this.shadowRoot) this.shadowRoot.replaceChildren();
    }
  });
}
"#)]
extern "C" {
    fn zc_define(
        tag: &str,
        attributes: js_sys::Array,
        css: &str,
        mount: &JsValue,
        update: &JsValue,
        unmount: &JsValue,
    );
}

/// A Yew component that can live in a page as a custom element.
pub trait Widget: BaseComponent {
    /// The element's tag, e.g. `zc-id-check`.
    const TAG: &'static str;
    /// Attributes whose change re-renders the widget (besides the common ones).
    const ATTRIBUTES: &'static [&'static str];
    /// The cargo feature, and bundle (`www/dist/<bundle>/`), that defines it.
    const BUNDLE: &'static str;
    /// Its name before its code arrives (the placeholder of `zc-widgets.css`),
    /// in zh-CN and English.
    const TITLE: (&'static str, &'static str);
    /// Properties from the host element's attributes.
    fn props(host: &Host) -> Self::Properties;
}

/// Attributes every widget understands.
pub const COMMON_ATTRIBUTES: &[&str] = &["lang", "large-text", "pack", "region", "save", "today"];

/// The custom element hosting a widget: reads its attributes, sends its events.
#[derive(Clone, PartialEq)]
pub struct Host(pub HtmlElement);

impl Host {
    /// An attribute's value, `None` when absent or blank.
    pub fn attr(&self, name: &str) -> Option<String> {
        self.0
            .get_attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// A boolean attribute: present and not `"false"`.
    pub fn flag(&self, name: &str) -> bool {
        self.0.has_attribute(name) && self.0.get_attribute(name).as_deref() != Some("false")
    }

    /// The widget's language: its own `lang`, else the nearest ancestor's, else
    /// the document's, else zh-CN.
    pub fn lang(&self) -> Lang {
        let own = self.attr("lang");
        let inherited = || {
            self.0
                .closest("[lang]")
                .ok()
                .flatten()
                .and_then(|e| e.get_attribute("lang"))
        };
        own.or_else(inherited)
            .and_then(|t| Lang::parse(&t))
            .unwrap_or_default()
    }

    /// Dispatches a `CustomEvent` on the host that bubbles out of the shadow root.
    pub fn emit(&self, name: &str, detail: &JsValue) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.0.dispatch_event(&event);
        }
    }
}

trait Mounted {
    fn update(&mut self);
    fn destroy(self: Box<Self>);
}

struct MountedApp<W: Widget> {
    handle: AppHandle<W>,
    host: Host,
}

impl<W: Widget> Mounted for MountedApp<W> {
    fn update(&mut self) {
        self.handle.update(W::props(&self.host));
    }
    fn destroy(self: Box<Self>) {
        self.handle.destroy();
    }
}

thread_local! {
    static MOUNTED: RefCell<HashMap<u32, Box<dyn Mounted>>> = RefCell::new(HashMap::new());
    static NEXT_ID: RefCell<u32> = const { RefCell::new(0) };
}

/// Defines `W`'s custom element (once; a second call is ignored).
pub fn register<W: Widget>(css: &str) {
    let mount = Closure::<dyn Fn(HtmlElement, Element) -> u32>::new(|host, point| {
        let host = Host(host);
        let handle = Renderer::<W>::with_root_and_props(point, W::props(&host)).render();
        let id = NEXT_ID.with(|n| {
            let mut n = n.borrow_mut();
            *n += 1;
            *n
        });
        MOUNTED.with(|m| {
            m.borrow_mut()
                .insert(id, Box::new(MountedApp::<W> { handle, host }))
        });
        id
    });
    let update = Closure::<dyn Fn(u32)>::new(|id| {
        // Take the app out while updating, so a re-entrant call cannot borrow twice.
        let app = MOUNTED.with(|m| m.borrow_mut().remove(&id));
        if let Some(mut app) = app {
            app.update();
            MOUNTED.with(|m| m.borrow_mut().insert(id, app));
        }
    });
    let unmount = Closure::<dyn Fn(u32)>::new(|id| {
        let app = MOUNTED.with(|m| m.borrow_mut().remove(&id));
        if let Some(app) = app {
            app.destroy();
        }
    });
    let attributes: js_sys::Array = COMMON_ATTRIBUTES
        .iter()
        .chain(W::ATTRIBUTES)
        .map(|a| JsValue::from_str(a))
        .collect();
    zc_define(
        W::TAG,
        attributes,
        css,
        &mount.into_js_value(),
        &update.into_js_value(),
        &unmount.into_js_value(),
    );
}

/// Casts an event target to an input-like element and reads its value.
pub fn input_value(e: &yew::Event) -> String {
    e.target()
        .and_then(|t| {
            t.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
                .or_else(|| {
                    t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                        .map(|s| s.value())
                })
        })
        .unwrap_or_default()
}
