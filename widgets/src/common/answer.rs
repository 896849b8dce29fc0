//! The parts of an explained answer every result shares (its sourced part):
//! the Sources panel (citations), the parameters used with their status, the
//! caveats and the stamp of the rule packs used.

use yew::prelude::*;
use zhuchuang_core::pack::{Citation, PackStamp, ParamRef, Status, NATIONAL};
use zhuchuang_core::{t, Lang};

/// The citations of a result, as a list: what a citizen can look up (document,
/// title, article); a citation's note is for the pack's maintainers and is not shown.
pub fn citations(list: &[Citation], lang: Lang) -> Html {
    if list.is_empty() {
        return html! {};
    }
    html! {
        <details class="zc-sources">
            <summary>{ t!("政策依据", "Sources").get(lang) }</summary>
            <ul>
                { for list.iter().map(|c| html! {
                    <li>
                        <strong>{ c.document.clone() }</strong>
                        if let Some(t) = &c.title { { format!(" 《{t}》") } }
                        if let Some(a) = &c.article { { format!(" {a}") } }
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// The parameters a result used, with their status and source.
pub fn parameters(list: &[ParamRef], lang: Lang) -> Html {
    if list.is_empty() {
        return html! {};
    }
    let status = |s: Status| s.label();
    let locality = |p: &ParamRef| {
        if p.locality == NATIONAL {
            t!("全国", "national").get(lang).to_string()
        } else {
            p.locality.clone()
        }
    };
    html! {
        <details class="zc-sources">
            <summary>{ t!("所用参数", "Parameters used").get(lang) }</summary>
            <ul>
                { for list.iter().map(|p| html! {
                    <li>
                        { format!("{}：{}", p.label, p.value) }
                        <span class="zc-cite">{ format!("{} · {} · {} · {}", p.citation.document, status(p.status).get(lang), t!("自 {}", "from {}"; p.effective_from).get(lang), locality(p)) }</span>
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// Which packs a result used (version and short hash), and whether any is an example.
pub fn pack_stamp(stamp: &PackStamp, lang: Lang) -> Html {
    html! {
        <p class="zc-note">
            { t!("规则包：", "Rule packs: ").get(lang) }{ pack_names(stamp, lang) }{ " · " }<code>{ short_hash(stamp) }</code>
        </p>
    }
}

/// The packs of a stamp as people read them: `id@version`, example packs marked.
pub fn pack_names(stamp: &PackStamp, lang: Lang) -> String {
    let names: Vec<String> = stamp
        .packs
        .iter()
        .map(|p| {
            format!(
                "{}@{}{}",
                p.id,
                p.version,
                if p.example {
                    t!("（示例）", " (example)").get(lang).to_string()
                } else {
                    String::new()
                }
            )
        })
        .collect();
    names.join(" + ")
}

/// The first 12 characters of the stamp's hash, enough to tell pack sets apart.
pub fn short_hash(stamp: &PackStamp) -> String {
    stamp.hash.chars().take(12).collect()
}

/// A list of caveats (unsure values, example packs).
pub fn caveats(list: &[String], lang: Lang) -> Html {
    if list.is_empty() {
        return html! {};
    }
    html! {
        <div class="zc-caveats">
            <p class="zc-tag">{ t!("请注意", "Please note").get(lang) }</p>
            <ul>{ for list.iter().map(|c| html! { <li>{ c.clone() }</li> }) }</ul>
        </div>
    }
}
