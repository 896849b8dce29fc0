//! Saved answers (保存回答), the person's choice, the same way in every widget
//! that asks questions.
//!
//! The `save` attribute sets where answers are kept: `none` (nowhere; a reload
//! starts again), `session` (the default: this tab's `sessionStorage`, gone when
//! the tab closes) or `local` (this browser's `localStorage`, kept until
//! deleted; only when the page opts in). Under `session` the person may opt in
//! to `local` themselves with the "remember on this device" box
//! ([`SavedAnswers`]). Nothing is ever sent anywhere. [`use_saved`] is the hook
//! a widget keeps its answers in; [`SavedAnswers`] is the visible part: where
//! the answers are kept, and "delete my answers", which asks once before
//! deleting.
//!
//! ```ignore
//! let form = use_saved(&p.host, String::new(), Form::default);
//! html! { <SavedAnswers host={p.host.clone()} {lang} ondelete={reset} /> }
//! ```

use crate::element::Host;
use serde::{de::DeserializeOwned, Serialize};
use yew::prelude::*;
use zhuchuang_core::{t, Lang};

/// Where a widget keeps its answers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SaveMode {
    None,
    Session,
    Local,
}

/// The version of the saved form; bump when a widget's saved shape changes
/// incompatibly (older entries are then ignored, never misread).
const VERSION: &str = "v1";

fn tag(host: &Host) -> String {
    host.0.tag_name().to_lowercase()
}

fn remember_key(host: &Host) -> String {
    format!("zc:{VERSION}:remember:{}", tag(host))
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

impl SaveMode {
    /// The mode in force for `host`: its `save` attribute, and under `session`
    /// the person's own "remember on this device" choice.
    pub fn of(host: &Host) -> SaveMode {
        match host.attr("save").as_deref() {
            Some("none") => SaveMode::None,
            Some("local") => SaveMode::Local,
            _ if person_opted_in(host) => SaveMode::Local,
            _ => SaveMode::Session,
        }
    }

    fn storage(self) -> Option<web_sys::Storage> {
        match self {
            SaveMode::None => None,
            SaveMode::Session => session(),
            SaveMode::Local => local(),
        }
    }
}

fn person_opted_in(host: &Host) -> bool {
    local()
        .and_then(|s| s.get_item(&remember_key(host)).ok().flatten())
        .is_some()
}

/// The storage key of a widget's answers; `scope` separates what must not mix
/// (e.g. the program and region of the eligibility wizard).
pub fn saved_key(host: &Host, scope: &str) -> String {
    format!("zc:{VERSION}:{}:{scope}", tag(host))
}

/// The saved value under `key`, if any and still readable.
pub fn load_saved<T: DeserializeOwned>(host: &Host, key: &str) -> Option<T> {
    let text = SaveMode::of(host).storage()?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps `value` under `key` where the mode says (a default value is removed
/// rather than kept).
pub fn store_saved<T: Serialize + Default + PartialEq>(host: &Host, key: &str, value: &T) {
    let mode = SaveMode::of(host);
    let Some(s) = mode.storage() else {
        forget_saved(key);
        return;
    };
    if *value == T::default() {
        let _ = s.remove_item(key);
    } else if let Ok(text) = serde_json::to_string(value) {
        let _ = s.set_item(key, &text);
    }
}

/// Removes `key` from both storages.
pub fn forget_saved(key: &str) {
    for s in [session(), local()].into_iter().flatten() {
        let _ = s.remove_item(key);
    }
}

/// Every saved entry of this widget kind (for "delete my answers" and for a
/// switch between session and local).
fn keys_of(host: &Host, storage: &web_sys::Storage) -> Vec<String> {
    let prefix = format!("zc:{VERSION}:{}:", tag(host));
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect()
}

/// A state kept in the widget's storage under `scope`: read when the widget
/// appears (or `scope` changes; `init` when nothing is saved), written on
/// every change.
#[hook]
pub fn use_saved<T, F>(host: &Host, scope: String, init: F) -> UseStateHandle<T>
where
    T: Serialize + DeserializeOwned + Default + Clone + PartialEq + 'static,
    F: Fn() -> T + 'static,
{
    let key = saved_key(host, &scope);
    let init = std::rc::Rc::new(init);
    let state = {
        let (host, key, init) = (host.clone(), key.clone(), init.clone());
        use_state(move || load_saved::<T>(&host, &key).unwrap_or_else(|| init()))
    };
    // The key the state belongs to: a new scope (e.g. the region, known once
    // the pack has loaded) reads its own answers and never writes the old ones
    // over them.
    let owner = use_mut_ref(|| key.clone());
    {
        let (host, state, owner) = (host.clone(), state.clone(), owner.clone());
        use_effect_with(key.clone(), move |key| {
            if *owner.borrow() != *key {
                *owner.borrow_mut() = key.clone();
                state.set(load_saved::<T>(&host, key).unwrap_or_else(|| init()));
            }
            if SaveMode::of(&host) == SaveMode::None {
                forget_saved(key);
            }
        });
    }
    {
        let host = host.clone();
        use_effect_with(((*state).clone(), key), move |(value, key)| {
            if *owner.borrow() == *key {
                store_saved(&host, key, value);
            }
        });
    }
    state
}

#[derive(Properties, PartialEq)]
pub struct SavedAnswersProps {
    pub host: Host,
    pub lang: Lang,
    /// Called after the saved answers are deleted: the widget starts again.
    pub ondelete: Callback<()>,
}

/// Where the answers are kept, "remember on this device" (under `session`),
/// and "delete my answers", which asks once before deleting.
#[function_component(SavedAnswers)]
pub fn saved_answers(p: &SavedAnswersProps) -> Html {
    let lang = p.lang;
    let confirming = use_state(|| false);
    let mode = use_state(|| SaveMode::of(&p.host));
    let confirm_ref = use_node_ref();
    {
        let confirm_ref = confirm_ref.clone();
        use_effect_with(*confirming, move |on| {
            if *on {
                if let Some(el) = confirm_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let delete = {
        let (host, confirming, ondelete) = (p.host.clone(), confirming.clone(), p.ondelete.clone());
        Callback::from(move |_: MouseEvent| {
            for s in [session(), local()].into_iter().flatten() {
                for k in keys_of(&host, &s) {
                    let _ = s.remove_item(&k);
                }
            }
            confirming.set(false);
            ondelete.emit(());
        })
    };
    let toggle_remember = {
        let (host, mode) = (p.host.clone(), mode.clone());
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.checked())
                .unwrap_or(false);
            let (from, to) = match (session(), local()) {
                (Some(s), Some(l)) if on => (s, l),
                (Some(s), Some(l)) => (l, s),
                _ => return,
            };
            // Move what is saved, so the answers follow the choice.
            for k in keys_of(&host, &from) {
                if let Ok(Some(v)) = from.get_item(&k) {
                    let _ = to.set_item(&k, &v);
                }
                let _ = from.remove_item(&k);
            }
            if let Some(l) = local() {
                let _ = if on {
                    l.set_item(&remember_key(&host), "1")
                } else {
                    l.remove_item(&remember_key(&host))
                };
            }
            mode.set(SaveMode::of(&host));
        })
    };
    let page_mode = p.host.attr("save");
    let where_kept = match *mode {
        SaveMode::None => t!(
            "您的回答不会保存，刷新页面后需要重新填写；不会发送给任何人。",
            "Your answers are not kept: a reload starts again. Nothing is sent anywhere."
        ),
        SaveMode::Session => t!(
            "您的回答只保存在本浏览器的这个标签页中，关闭后即清除；不会发送给任何人。",
            "Your answers stay in this browser tab only and are cleared when it closes. Nothing is sent anywhere."
        ),
        SaveMode::Local => t!(
            "您的回答保存在本浏览器中，关闭后仍保留，直到您删除；不会发送给任何人。",
            "Your answers stay in this browser, also after it closes, until you delete them. Nothing is sent anywhere."
        ),
    };
    html! {
        <div class="zc-saved zc-no-print">
            if *confirming {
                <div class="zc-confirm" role="group" aria-labelledby="zc-confirm-text">
                    <p id="zc-confirm-text" tabindex="-1" ref={confirm_ref}>
                        { t!("确定删除本浏览器中保存的回答吗？删除后无法恢复。", "Delete the answers saved in this browser? This cannot be undone.").get(lang) }
                    </p>
                    <button type="button" class="zc-button" onclick={delete}>{ t!("确定删除", "Yes, delete them").get(lang) }</button>
                    <button type="button" class="zc-button zc-secondary" onclick={cancel}>{ t!("取消", "Cancel").get(lang) }</button>
                </div>
            } else {
                <button type="button" class="zc-button zc-secondary" onclick={ask}>{ t!("删除我的回答", "Delete my answers").get(lang) }</button>
            }
            <p class="zc-note">{ where_kept.get(lang) }</p>
            if page_mode.as_deref() != Some("none") && page_mode.as_deref() != Some("local") {
                <div class="zc-check">
                    <input type="checkbox" id="zc-remember" checked={*mode == SaveMode::Local} onchange={toggle_remember} />
                    <label for="zc-remember">{ t!("在这台设备上记住我的回答（关闭浏览器后仍保留）", "Remember my answers on this device (kept after the browser closes)").get(lang) }</label>
                </div>
            }
        </div>
    }
}
